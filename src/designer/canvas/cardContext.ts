// What every node card needs besides its own node: the teams and field labels, provided once by the canvas (no per-card store subscription).
import { createContext, useContext } from "react";
import type { Team } from "../../engine";

export interface CardContextValue {
  readonly teams: readonly Team[];
  readonly fieldLabels: ReadonlyMap<string, string>;
}

export const CardContext = createContext<CardContextValue>({ teams: [], fieldLabels: new Map() });

export function useCardContext(): CardContextValue {
  return useContext(CardContext);
}
