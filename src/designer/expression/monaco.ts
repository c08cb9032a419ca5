/// <reference types="vite/client" />
// Loads Monaco from the bundled monaco-editor package (never a CDN), only when an expression editor first opens.
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";
import { registerExpressionLanguage } from "./language";

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;
let loaded: MonacoApi | null = null;

/**
 * Monaco rejects promises with `Canceled` when an editor is disposed while a suggestion or hover is pending, and leaves
 * some of them unhandled (microsoft/monaco-editor#2382, #4138); nothing is wrong, so exactly that rejection is dropped.
 */
function ignoreMonacoCancellations(): void {
  window.addEventListener("unhandledrejection", (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.name === "Canceled" && reason.message === "Canceled") event.preventDefault();
  });
}

/** Imports the editor, its contributions (suggest, hover, markers…) and the editor worker, and registers the language once. */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    ignoreMonacoCancellations();
    const { default: EditorWorker } = await import("monaco-editor/esm/vs/editor/editor.worker?worker");
    globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };
    await import("monaco-editor/esm/vs/editor/editor.all.js");
    const monaco = await import("monaco-editor/esm/vs/editor/editor.api");
    registerExpressionLanguage(monaco);
    loaded = monaco;
    return monaco;
  })();
  loading.catch(() => {
    loading = null; // a failed chunk load may be retried when the editor is opened again
  });
  return loading;
}

/** Monaco after loadMonaco() resolved (the lazy editor component is only rendered then). */
export function loadedMonaco(): MonacoApi {
  if (!loaded) throw new Error("Monaco is not loaded yet");
  return loaded;
}
