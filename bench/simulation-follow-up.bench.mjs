// The follow-up line of `npm run bench` (issue 13): 100,000 leads simulated in the designer's worker in Chromium with a
// follow-up step, against the same leads without it, in the same round (target ≤ 2×). Only the worker runs of
// bench/simulation.bench.mjs (no Node rounds, which that benchmark compares the worker with).
process.env.FOLLOW_UP_ONLY ??= "1";
await import("./simulation.bench.mjs");
