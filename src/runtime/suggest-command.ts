// `leadwire suggest-score`: a score node suggested from a lead file's outcomes, printed with its AUCs and leak warnings, written as a flow.
import { isScoreNode } from "../../nodes/score";
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { safeLoadFlow, type Flow, type FlowNode, type Lang } from "../engine";
import { translate, type RuntimeCode } from "./texts";
import { parseLeadsCsv, parseLeadsJson } from "../engine/leads";
import { leakText, scoreOnlyFlow, suggestScore, type ScoreSuggestion } from "../simulation/suggest";
import type { ScoreConfig } from "../../nodes/score/schema";

export interface SuggestArgs {
  leads: string;
  outcome?: string;
  flow?: string;
  out?: string;
  lang: Lang;
}
interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What the designer's import treats as "nothing chosen" by default: the CLI reads a file the same way. */
const DEFAULT_PLACEHOLDERS = ["Select"];

const t = (code: RuntimeCode, lang: Lang, params: Record<string, string | number> = {}) => translate(code, params, lang);
const auc = (v: number | null, lang: Lang) => (v === null ? t("cli.suggest.no_auc", lang) : v.toFixed(3));

function report(s: ScoreSuggestion, outcome: string, lang: Lang, io: Io): void {
  io.out(t("cli.suggest.title", lang, { leads: s.leads, converted: s.converted, outcome }));
  if (s.unknownOutcome > 0) io.out(t("cli.suggest.unknown_outcome", lang, { count: s.unknownOutcome }));
  io.out(t("cli.suggest.auc", lang, { folds: s.auc.folds, suggested: auc(s.auc.suggested, lang), current: auc(s.auc.current, lang) }));
  io.out(t("cli.suggest.rules", lang, { count: s.config.rules.length }));
  for (const r of s.config.rules) {
    const points = `${r.points > 0 ? "+" : ""}${r.points}`.padStart(4);
    io.out(`  ${points}  ${r.label ?? ""}${r.per && r.max !== undefined ? `  ${t("cli.suggest.at_most", lang, { max: r.max })}` : ""}`);
  }
  const bands = (s.config.grades?.bands ?? []).map((b) =>
    b.min === undefined ? t("cli.suggest.band_rest", lang, { name: b.name }) : t("cli.suggest.band", lang, { name: b.name, min: b.min }),
  );
  io.out(t("cli.suggest.grades", lang, { list: bands.join(" · ") }));
  const flagged = s.columns.filter((c) => c.flagged);
  if (flagged.length > 0) {
    io.out(t("cli.suggest.flagged", lang, { count: flagged.length }));
    for (const c of flagged) {
      io.out(`  ${c.label}${c.usable ? ` ${t("cli.suggest.used_anyway", lang)}` : ""}`);
      for (const r of c.reasons) io.out(`    – ${leakText(r, lang)}`);
    }
  }
}

/** The flow to write: the given flow with its first score node's rules and grades replaced (and new fields declared), or a new one-step flow. */
function suggestedFlow(base: Flow | null, node: FlowNode | undefined, s: ScoreSuggestion, referenceTime: string): Flow {
  if (!base || !node) return { ...scoreOnlyFlow(s.config, s.addedFields, referenceTime), id: "f_suggested_score", name: "Suggested score" };
  return {
    ...base,
    fields: [...base.fields, ...s.addedFields],
    nodes: base.nodes.map((n) => (n.id === node.id && isScoreNode(n) ? { ...n, config: { ...n.config, ...s.config } } : n)),
  };
}

export async function suggestScoreCommand(args: SuggestArgs, io: Io): Promise<number> {
  const { lang } = args;
  if (!args.outcome) {
    io.err(t("cli.suggest.need_outcome", lang));
    return 2;
  }
  let base: Flow | null = null;
  if (args.flow) {
    const text = await readFile(args.flow, "utf8").catch((e: unknown) => {
      io.err(t("cli.cannot_read", lang, { file: args.flow ?? "", detail: e instanceof Error ? e.message : String(e) }));
      return null;
    });
    if (text === null) return 2;
    const loaded = safeLoadFlow(text, lang);
    if (!loaded.ok) {
      for (const p of loaded.problems) io.err(`error    ${p.message}`);
      return 1;
    }
    base = loaded.flow;
  }
  const ext = extname(args.leads).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") {
    io.err(t("cli.leads_format", lang, { file: args.leads }));
    return 2;
  }
  const text = await readFile(args.leads, "utf8").catch((e: unknown) => {
    io.err(t("cli.cannot_read", lang, { file: args.leads, detail: e instanceof Error ? e.message : String(e) }));
    return null;
  });
  if (text === null) return 2;
  const referenceTime = base?.settings?.referenceTime ?? new Date().toISOString();
  const fields = base?.fields ?? [];
  const opts = { referenceTime, placeholders: DEFAULT_PLACEHOLDERS };
  const imported = (ext === ".csv" ? parseLeadsCsv : parseLeadsJson)(text, fields, opts);
  // The outcome may be named by its column or its field key ("Converted" or "converted").
  const column = imported.columns.find((c) => c.column === args.outcome || c.fieldKey === args.outcome);
  const outcome = column?.fieldKey || "";
  if (!outcome) {
    io.err(t("cli.suggest.no_such_outcome", lang, { outcome: args.outcome, columns: imported.columns.map((c) => c.column).join(", ") }));
    return 2;
  }
  const node = base?.nodes.find(isScoreNode);
  const current = node ? (node.config as ScoreConfig) : undefined;
  const s = suggestScore({ leads: imported.leads, fields, outcome, current, lang, referenceTime });
  if (s.leads === 0 || s.converted === 0 || s.converted === s.leads) {
    io.err(t("cli.suggest.one_class", lang, { outcome: args.outcome }));
    return 1;
  }
  report(s, args.outcome, lang, io);
  if (args.out) {
    await writeFile(args.out, `${JSON.stringify(suggestedFlow(base, node, s, referenceTime), null, 2)}\n`);
    io.out(t("cli.wrote", lang, { file: args.out }));
  }
  return 0;
}
