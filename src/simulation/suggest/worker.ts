// The suggestion's module Web Worker entry: fits off the page's thread, so the designer stays responsive.
import { handleSuggest } from "./handle";
import type { SuggestRequest, SuggestResponse } from "./protocol";

interface Scope {
  onmessage: ((e: { data: SuggestRequest }) => void) | null;
  postMessage: (m: SuggestResponse) => void;
}
const scope = self as unknown as Scope;
scope.onmessage = (e) => scope.postMessage(handleSuggest(e.data));
