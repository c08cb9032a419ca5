// A lead's walk through the flow's nodes in a time-ordered run: from a trigger, on from a port, and after a wake.
import { endStatus } from "../specs";
import type { LeadRun } from "../lead-run";
import { WAIT, type BoundNode } from "../node-spec";
import type { OutcomeStatus } from "../outcome";
import type { PortSlot, TimedInput, TimedNode } from "./timed-types";
import type { TrackedLead } from "./types";

/** Where a walk segment stopped: the last node, the port it left by, and whether a node made the lead wait. */
export interface Segment {
  last: number;
  port: string | null;
  waiting: boolean;
}

export class FlowWalk {
  private readonly nodes: readonly TimedNode[];
  private readonly bound: readonly BoundNode[];
  private readonly slots: Record<string, PortSlot>[];
  private readonly entered: number[];
  private readonly triggers: readonly number[];
  private readonly nodeIndex: Map<string, number>;

  constructor(input: Pick<TimedInput, "nodes" | "bound" | "slots" | "enteredCounts" | "triggers">) {
    this.nodes = input.nodes;
    this.bound = input.bound;
    this.slots = input.slots;
    this.entered = input.enteredCounts;
    this.triggers = input.triggers;
    this.nodeIndex = new Map(input.nodes.map((n, i) => [n.node.id, i]));
  }

  /** The index of a node by id; -1 when the flow has none. */
  indexOf(id: string): number {
    return this.nodeIndex.get(id) ?? -1;
  }

  /** Enters the lead at the first trigger that takes it and walks on; null when no trigger takes it. */
  enter(lead: LeadRun, path: string[]): Segment | null {
    for (const t of this.triggers) {
      if ((this.bound[t] as BoundNode).step(lead) === null) continue;
      path.push((this.nodes[t] as TimedNode).node.id);
      this.entered[t] = (this.entered[t] ?? 0) + 1;
      const entry = (this.slots[t] as Record<string, PortSlot>).out as PortSlot;
      entry.count++;
      return this.from(lead, path, entry.next, t, "out");
    }
    return null;
  }

  /** Walks on from a node index until a port has no edge or a node makes the lead wait. */
  from(lead: LeadRun, path: string[], start: number, last: number, port: string | null): Segment {
    const { nodes, bound, slots, entered } = this;
    let next = start;
    let steps = 0;
    while (next >= 0 && steps++ <= nodes.length) {
      const node = nodes[next] as TimedNode;
      path.push(node.node.id);
      entered[next] = (entered[next] ?? 0) + 1;
      port = (bound[next] as BoundNode).step(lead) ?? "out";
      if (port === WAIT) return { last: next, port: null, waiting: true };
      const slot = (slots[next] as Record<string, PortSlot>)[port] as PortSlot;
      slot.count++;
      last = next;
      next = slot.next;
    }
    return { last, port, waiting: false };
  }

  statusAfter(lead: LeadRun, seg: Segment): OutcomeStatus {
    if (seg.waiting) return "waiting";
    if (lead.owner) return "assigned";
    const lastNode = seg.last >= 0 ? (this.nodes[seg.last] as TimedNode).node : undefined;
    return lastNode && seg.port !== null ? endStatus(lastNode, seg.port) : "unassigned";
  }

  /** After a waiting node answered: keep waiting, end the wait where the lead is, or walk on from the port. */
  afterWake(lead: LeadRun, rec: TrackedLead, at: number, answer: string | null): OutcomeStatus {
    if (answer === WAIT) return "waiting";
    if (answer === null) return lead.owner ? "assigned" : "unassigned";
    const from = this.indexOf(rec.wait?.node ?? "");
    const slot = (this.slots[from] as Record<string, PortSlot>)[answer] as PortSlot;
    slot.count++;
    lead.time = at;
    return this.statusAfter(lead, this.from(lead, rec.path, slot.next, from, answer));
  }
}
