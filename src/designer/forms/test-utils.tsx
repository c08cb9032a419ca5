// Test harness for inspector forms: a tiny store that applies the forms' immer recipes, live validation, and i18next with the forms' texts.
import { render, type RenderResult } from "@testing-library/react";
import i18next, { type i18n } from "i18next";
import { produce, type Draft } from "immer";
import { useState, type ComponentType } from "react";
import { I18nextProvider, initReactI18next } from "react-i18next";
import {
  LANGS,
  knownFields,
  messagesFor,
  validateFlow,
  type Flow,
  type FlowNode,
  type Lang,
  type NodeOf,
  type NodeType,
} from "../../engine";
import type { InspectorProps } from "./node-ui";
import { formTexts } from "./i18n";

export function makeI18n(lang: Lang = "en"): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "en",
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: { ...messagesFor(l), ...formTexts[l] } }])),
    interpolation: { prefix: "{", suffix: "}", escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

export function makeFlow(nodes: FlowNode[], extra: Partial<Flow> = {}): Flow {
  return {
    format: "leadwire.flow",
    version: 2,
    id: "f_test",
    name: "Test flow",
    fields: [
      { key: "country", label: "Country", type: "string" },
      { key: "employees", label: "Employees", type: "number" },
      { key: "industry", label: "Industry", type: "enum", options: ["software", "retail", "finance"] },
      { key: "vip", label: "VIP", type: "boolean" },
      { key: "lastContact", label: "Last contact", type: "date" },
      { key: "tags", label: "Tags", type: "list" },
      { key: "pageViews", label: "Page views", type: "number" },
    ],
    teams: [],
    nodes,
    edges: [],
    ...extra,
  };
}

export interface Step {
  readonly mark: string | undefined;
}

export interface Harness<T extends NodeType> extends RenderResult {
  readonly flow: () => Flow;
  readonly config: () => NodeOf<T>["config"];
  /** Undo steps so far; consecutive calls with the same mark count once, as in the designer's history. */
  readonly steps: () => number;
}

function configOf<T extends NodeType>(flow: Flow, nodeId: string): NodeOf<T>["config"] {
  const node: NodeOf<T> = flow.nodes.find((n) => n.id === nodeId) as NodeOf<T>;
  return node.config as NodeOf<T>["config"];
}

/** Renders a node's inspector over a flow held in state; every updateConfig/updateFlow is applied with immer and re-validated. */
export function renderInspector<T extends NodeType>(
  Inspector: ComponentType<InspectorProps<T>>,
  flow: Flow,
  nodeId: string,
  lang: Lang = "en",
): Harness<T> {
  let current = flow;
  const marks: (string | undefined)[] = [];
  const record = (mark: string | undefined) => {
    if (mark === undefined || marks[marks.length - 1] !== mark) marks.push(mark);
  };
  function Host() {
    const [doc, setDoc] = useState(flow);
    current = doc;
    const node = doc.nodes.find((n) => n.id === nodeId) as NodeOf<T>;
    const apply = (next: Flow, mark: string | undefined) => {
      current = next;
      record(mark);
      setDoc(next);
    };
    const props: InspectorProps<T> = {
      node,
      flow: doc,
      lang,
      fields: [...knownFields(doc).values()],
      issues: validateFlow(doc, { lang }).filter((i) => i.nodeId === nodeId),
      updateConfig: (recipe, options) =>
        apply(
          produce(current, (d) => {
            const n = d.nodes.find((x) => x.id === nodeId);
            if (n) recipe(n.config as Draft<NodeOf<T>["config"]>);
          }),
          options?.mark,
        ),
      updateFlow: (recipe, options) => apply(produce(current, recipe), options?.mark),
    };
    return <Inspector {...props} />;
  }
  const result = render(
    <I18nextProvider i18n={makeI18n(lang)}>
      <Host />
    </I18nextProvider>,
  );
  return {
    ...result,
    flow: () => current,
    config: () => configOf<T>(current, nodeId),
    steps: () => marks.length,
  };
}
