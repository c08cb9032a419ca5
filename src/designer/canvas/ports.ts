// How each output port looks on the canvas: green for the good path, red for the bad one, amber for overflow.
import type { UiKey } from "../../i18n/en";

export type PortTone = "good" | "bad" | "warn" | "plain";

const TONES: Readonly<Record<string, PortTone>> = {
  pass: "good",
  assigned: "good",
  ok: "good",
  fail: "bad",
  unassigned: "bad",
  overflow: "warn",
  met: "good",
  breached: "bad",
  rejected: "warn",
};

export const TONE_COLORS: Readonly<Record<PortTone, string>> = {
  good: "#15803d",
  bad: "#b91c1c",
  warn: "#b45309",
  plain: "#64748b",
};

export function portTone(port: string): PortTone {
  return TONES[port] ?? "plain";
}

const PORT_KEYS: Readonly<Record<string, UiKey>> = {
  in: "port.in",
  out: "port.out",
  pass: "port.pass",
  fail: "port.fail",
  assigned: "port.assigned",
  unassigned: "port.unassigned",
  ok: "port.ok",
  overflow: "port.overflow",
  met: "port.met",
  breached: "port.breached",
  rejected: "port.rejected",
};

/** The UI text key of a port's name; an unknown port shows its id. */
export function portKey(port: string): UiKey | null {
  return PORT_KEYS[port] ?? null;
}

/** Whether an edge from this port gets a label (a node with one output needs none). */
export function portIsLabelled(port: string): boolean {
  return port !== "out";
}
