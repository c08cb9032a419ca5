// Test doubles of the state store: a memory store that can be switched "down", as Redis is during an outage.
import { MemoryStore } from "../../src/runtime/store/memory";
import { StoreUnavailableError, type StateStore } from "../../src/runtime/store/types";

export interface SwitchableStore {
  readonly store: StateStore;
  readonly memory: MemoryStore;
  /** While down, every call fails with StoreUnavailableError and nothing is written. */
  down: boolean;
}

export function switchableStore(kind: StateStore["kind"] = "redis"): SwitchableStore {
  const memory = new MemoryStore();
  const fail = () => Promise.reject(new StoreUnavailableError("connection refused"));
  const self: SwitchableStore = {
    memory,
    down: false,
    store: {
      kind,
      transact: (flowId, ids, decide) => (self.down ? fail() : memory.transact(flowId, ids, decide)),
      readState: (flowId, options) => (self.down ? fail() : memory.readState(flowId, options)),
      nextDue: (flowId) => (self.down ? fail() : memory.nextDue(flowId)),
      readLead: (flowId, id) => (self.down ? fail() : memory.readLead(flowId, id)),
      ping: () => (self.down ? fail() : Promise.resolve()),
      close: () => memory.close(),
    },
  };
  return self;
}
