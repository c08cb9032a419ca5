// `matches` engines side by side: the native RegExp behind the pattern analyser (src/engine/regex) against re2js
// (a pure-JS RE2, linear time), on ordinary values and on the analyser's accepted worst case at the 10,000-character cap.
// Run: node bench/regex.bench.mjs. Figures are ratios within this run; docs/security.md records a run.
import { RE2JS } from "re2js";

const CASES = [
  { name: "email domain, ordinary value", pattern: "@gmail\\.com$", text: "ann.lee@gmail.com", reps: 200_000 },
  { name: "anchored email, ordinary value", pattern: "^[a-z.]+@example\\.com$", text: "ann.lee@example.com", reps: 200_000 },
  { name: "alternation + count, ordinary value", pattern: "(foo|bar)\\d{2,4}", text: "order foo1234 ok", reps: 200_000 },
  { name: "accepted worst case .*@gmail\\.com$, 10,000 chars", pattern: ".*@gmail\\.com$", text: "a".repeat(10_000), reps: 10 },
  { name: "accepted worst case a.*b, 10,000 chars", pattern: "a.*b", text: "a".repeat(10_000), reps: 10 },
  { name: "accepted worst case, 1,000 chars", pattern: ".*@gmail\\.com$", text: "a".repeat(1_000), reps: 200 },
];

function time(fn, reps) {
  for (let i = 0; i < Math.min(reps, 1_000); i++) fn(); // warm-up
  const best = [];
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best.push((performance.now() - t) / reps);
  }
  return Math.min(...best);
}

console.log("case | native µs/test | re2js µs/test | re2js ÷ native");
for (const c of CASES) {
  const native = new RegExp(c.pattern, "i");
  const re2 = RE2JS.compile(c.pattern, RE2JS.CASE_INSENSITIVE);
  if (native.test(c.text) !== re2.matcher(c.text).find()) throw new Error(`engines disagree on ${c.name}`);
  const n = time(() => native.test(c.text), c.reps) * 1_000;
  const r = time(() => re2.matcher(c.text).find(), c.reps) * 1_000;
  console.log(`${c.name} | ${n.toFixed(2)} | ${r.toFixed(2)} | ${(r / n).toFixed(2)}`);
}
