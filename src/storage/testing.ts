// Test helpers for the storage layer: a fresh fake IndexedDB database per test, a settable clock, "tabs" on one database.
import "fake-indexeddb/auto";
import type { Flow } from "../engine";
import { LeadwireDB } from "./db";
import { FlowLibrary, type LibraryOptions } from "./library";

let counter = 0;

export const T0 = Date.parse("2026-03-02T09:00:00Z");
export const DAY = 24 * 60 * 60 * 1000;

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function testClock(start = T0): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A database name no other test uses (the fake IndexedDB is one store per process). Test files import
 * "fake-indexeddb/auto" first of all: Dexie reads the global IndexedDB when it is first imported. */
export function freshDbName(): string {
  counter += 1;
  return `leadwire-test-${counter}`;
}

/** A library on its own connection to `dbName` — two of them on one name behave like two browser tabs. */
export function openLibrary(dbName: string, options: Omit<LibraryOptions, "db"> = {}): FlowLibrary {
  return new FlowLibrary({ db: new LeadwireDB(dbName), ...options });
}

/** A small valid flow: trigger → round-robin route of two reps. */
export function smallFlow(name = "EMEA round robin"): Flow {
  return {
    format: "leadwire.flow",
    version: 2,
    id: "f_emea",
    name,
    description: "",
    settings: { timezone: "UTC", seed: 1 },
    fields: [{ key: "country", label: "Country", type: "string" }],
    teams: [
      {
        id: "emea",
        name: "EMEA",
        members: [
          { id: "ann", name: "Ann", weight: 2 },
          { id: "bob", name: "Bob" },
        ],
      },
    ],
    nodes: [
      { id: "t", type: "trigger", label: "New lead", position: { x: 0, y: 0 }, config: { sources: [] } },
      { id: "r", type: "route", label: "EMEA reps", position: { x: 300, y: 0 }, config: { team: "emea", strategy: "round_robin" } },
    ],
    edges: [{ id: "e1", source: "t", sourcePort: "out", target: "r" }],
  };
}
