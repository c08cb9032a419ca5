// Every node type in the single list has all its facets, engine and designer, in both languages.
import { describe, expect, it } from "vitest";
import { translate, type FlowNode, type NodeType } from "../src/engine";
import type { EngineCode } from "../src/engine/i18n";
import { nodeRegistry } from "./index";
import { nodeMessages } from "./messages";
import { NODE_TYPE_LIST, nodeSchemas } from "./schemas";
import { NODE_TYPES, nodeUi } from "./ui";

const sampleNode = (type: NodeType): FlowNode =>
  ({ id: `n-${type}`, type, label: "", position: { x: 0, y: 0 }, config: nodeRegistry[type].defaults() }) as FlowNode;

describe("the node registries", () => {
  it("list exactly the types of the single list, in its order", () => {
    expect(Object.keys(nodeRegistry).sort()).toEqual([...NODE_TYPE_LIST].sort());
    expect(Object.keys(nodeUi).sort()).toEqual([...NODE_TYPE_LIST].sort());
    expect(NODE_TYPES).toEqual(NODE_TYPE_LIST);
    expect(Object.keys(nodeSchemas)).toEqual(NODE_TYPE_LIST);
    expect(Object.keys(nodeMessages).sort()).toEqual([...NODE_TYPE_LIST].sort());
  });

  describe.each(NODE_TYPE_LIST)("%s", (type) => {
    const spec = nodeRegistry[type];
    const ui = nodeUi[type];

    it("has its engine facets: schema, defaults the schema accepts, ports, executor, texts", () => {
      expect(spec.type).toBe(type);
      expect(spec.configSchema).toBe(nodeSchemas[type]);
      expect(spec.configSchema.safeParse(spec.defaults()).success).toBe(true);
      expect(Array.isArray(spec.ports.in) && Array.isArray(spec.ports.out)).toBe(true);
      expect(spec.ports.out.length).toBeGreaterThan(0);
      expect(typeof spec.compile).toBe("function");
      for (const lang of ["en", "zh-CN"] as const) {
        for (const code of [`node.${type}.name`, `node.${type}.description`] as const) {
          expect(Object.prototype.hasOwnProperty.call(nodeMessages[type][lang], code), `${lang} ${code}`).toBe(true);
          expect(translate(code, {}, lang)).not.toBe(code);
        }
      }
    });

    it("has its designer facets: icon, colour, palette texts, card summary, inspector form", () => {
      expect(ui.icon).toMatch(/^M[\d\s.,a-zA-Z-]+$/);
      expect(ui.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(ui.palette).toEqual({ name: `node.${type}.name`, description: `node.${type}.description` });
      expect(typeof ui.summary).toBe("function");
      expect(ui.Inspector).toBeTruthy();
      const summary = (ui.summary as (node: FlowNode, ctx: Parameters<typeof ui.summary>[1]) => string)(sampleNode(type), {
        t: (key) => key,
        te: (code) => translate(code as EngineCode, {}, "en"),
        lang: "en",
        teams: [],
        fieldLabels: new Map(),
      });
      expect(typeof summary).toBe("string");
    });
  });
});
