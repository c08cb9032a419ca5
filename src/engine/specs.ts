// A node's spec and the answers shared code asks of it (entry, end status, owner), each default in this one place.
import { nodeRegistry } from "../../nodes";
import type { Flow, FlowNode, NodeOf, NodeType } from "./document/schema";
import type { NodeRegistry, NodeSpec } from "./node-spec";
import type { Status } from "./outcome";

/** The spec of a node's type (the registry is exhaustive, so every parsed node has one). */
export function specOf<T extends NodeType>(node: NodeOf<T>, registry: NodeRegistry = nodeRegistry): NodeSpec<T> {
  return registry[node.type] as unknown as NodeSpec<T>;
}

/** Entry nodes are the ones without an input port: leads enter there and nothing may lead into them. */
export function isEntry(node: FlowNode, registry: NodeRegistry = nodeRegistry): boolean {
  return specOf(node, registry).ports.in.length === 0;
}

/** The status of a lead whose walk ended on `port` of `node` without an owner. */
export function endStatus(node: FlowNode, port: string): Status {
  return specOf(node).endStatus?.(port) ?? "unassigned";
}

/** Whether a lead leaving `node` by `port` has an owner, given whether it had one on arrival. */
export function ownerAfter(node: FlowNode, port: string, had: boolean, registry: NodeRegistry = nodeRegistry): boolean {
  const spec = specOf(node, registry);
  return spec.ownerAfter ? spec.ownerAfter(node, port, had) : had;
}

/** Whether a node looks at the lead's fields. */
export function readsLeadFields(node: FlowNode): boolean {
  const spec = specOf(node);
  return spec.readsLeadFields ? spec.readsLeadFields(node) : true;
}

/** The team a node assigns owners from, if it does. */
export function assignsFrom(node: FlowNode): string | undefined {
  return specOf(node).assignsFrom?.(node);
}

/** Whether a flow has a step that keeps leads waiting for events and timers (a follow_up): it always follows its leads. */
export function holdsLeads(flow: Pick<Flow, "nodes">, registry: NodeRegistry = nodeRegistry): boolean {
  return flow.nodes.some((n) => specOf(n, registry).holdsLeads === true);
}
