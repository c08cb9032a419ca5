// The time a lead's conditions may take: checked before each pattern test and expression, so one hostile lead ends
// `error` instead of holding the process, and a run (the service's batch) can be given a total as well.
import { translate, type Lang } from "../i18n";

/** Milliseconds one lead's `matches` tests and expressions may take together (spec §8). */
export const DEFAULT_LEAD_BUDGET_MS = 100;

export class ConditionBudgetError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly scope: "lead" | "run",
    lang: Lang = "en",
  ) {
    super(translate(scope === "lead" ? "cond.budget_lead" : "cond.budget_run", { ms: budgetMs }, lang));
    this.name = "ConditionBudgetError";
  }
}

const now = () => performance.now();
const STALE_AFTER_MS = 2_000;

let leadBudgetMs = DEFAULT_LEAD_BUDGET_MS;
let runBudgetMs = Number.POSITIVE_INFINITY;
let lang: Lang = "en";
/** NaN outside a lead's walk (no budget); 0 from the walk's start until its first costly condition, so flows without patterns or expressions never read the clock. */
let leadDeadline = Number.NaN;
let runDeadline = Number.POSITIVE_INFINITY;

/** A new lead starts (called by the lead's walk). */
export function startLeadBudget(): void {
  leadDeadline = 0;
}

/** Before a costly condition: throws once the lead, or the run it belongs to, is out of time. */
export function chargeCondition(): void {
  if (Number.isNaN(leadDeadline)) return;
  const t = now();
  // A deadline long past with no check since means the walk that set it is over and a predicate is called on its
  // own (after a run): a new budget, not a stale one. Within a walk checks come at most one pattern test apart.
  if (leadDeadline === 0 || t > leadDeadline + STALE_AFTER_MS) leadDeadline = t + leadBudgetMs;
  else if (t > leadDeadline) throw new ConditionBudgetError(leadBudgetMs, "lead", lang);
  if (t > runDeadline) throw new ConditionBudgetError(runBudgetMs, "run", lang);
}

export interface BudgetOptions {
  leadMs?: number;
  /** A total for the whole call (the service's batch); leads reached after it end `error` and can be sent again. */
  runMs?: number;
  lang?: Lang;
}

/** Runs `fn` (a synchronous run) under the given budgets, then restores the previous ones. */
export function withConditionBudget<T>(options: BudgetOptions, fn: () => T): T {
  const saved = { leadBudgetMs, runBudgetMs, lang, leadDeadline, runDeadline };
  leadBudgetMs = options.leadMs ?? DEFAULT_LEAD_BUDGET_MS;
  runBudgetMs = options.runMs ?? Number.POSITIVE_INFINITY;
  lang = options.lang ?? "en";
  leadDeadline = Number.NaN;
  runDeadline = Number.isFinite(runBudgetMs) ? now() + runBudgetMs : Number.POSITIVE_INFINITY;
  try {
    return fn();
  } finally {
    ({ leadBudgetMs, runBudgetMs, lang, leadDeadline, runDeadline } = saved);
  }
}
