// What every node card needs besides its own node: the teams, field labels and wired ports, provided once by the canvas (no per-card store subscription).
import { createContext, useContext } from "react";
import type { Team } from "../../engine";

export interface CardContextValue {
  readonly teams: readonly Team[];
  readonly fieldLabels: ReadonlyMap<string, string>;
  /** Per node, its output ports that already have an edge (the others get a "+"). Rebuilt when edges change, not on drags. */
  readonly wired: ReadonlyMap<string, ReadonlySet<string>>;
}

export const CardContext = createContext<CardContextValue>({ teams: [], fieldLabels: new Map(), wired: new Map() });

export function useCardContext(): CardContextValue {
  return useContext(CardContext);
}
