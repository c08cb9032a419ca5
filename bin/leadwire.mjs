#!/usr/bin/env node
// The `leadwire` command: runs the CLI built into dist/ by `npm install`.
import { main } from "../dist/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`leadwire: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
