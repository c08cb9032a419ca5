// Writes the published JSON Schema file from the zod schema (npm run schema); a test checks it is up to date.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { SCHEMA_FILE, flowJsonSchema } from "../src/engine";

mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_FILE}`);
