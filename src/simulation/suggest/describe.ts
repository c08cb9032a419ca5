// A flagged column's reason in a manager's words.
import type { Lang } from "../../engine";
import type { LeakReason } from "./leakage";
import { percent, suggestText } from "./messages";

export function leakText(reason: LeakReason, lang: Lang): string {
  switch (reason.code) {
    case "separator":
      return suggestText("leak.separator", { auc: reason.auc.toFixed(2) }, lang);
    case "extreme_value":
      return suggestText("leak.extreme_value", { value: reason.value, rate: percent(reason.rate, lang), leads: reason.leads }, lang);
    case "after_contact":
      return suggestText("leak.after_contact", { word: reason.word }, lang);
    case "identifier":
      return suggestText("leak.identifier", { distinct: reason.distinct }, lang);
  }
}
