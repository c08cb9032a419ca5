// A new, empty flow document: the one starting point for the designer, the library and tests.
import { CURRENT_VERSION, FORMAT, type Flow } from "./schema";

export function emptyFlowDocument(id: string, name = ""): Flow {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    id,
    name,
    description: "",
    settings: { timezone: "UTC", seed: 1 },
    fields: [],
    teams: [],
    nodes: [],
    edges: [],
  };
}
