// Edge port defaults, stated once: an edge without ports leaves by "out" and enters by "in".
import type { Edge } from "./document/schema";

/** The out port an edge leaves from (default "out"). */
export const portOf = (edge: Pick<Edge, "sourcePort">): string => edge.sourcePort ?? "out";

/** The in port an edge enters (default "in"). */
export const inPortOf = (edge: Pick<Edge, "targetPort">): string => edge.targetPort ?? "in";
