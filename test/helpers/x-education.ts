// Where the X Education export is: beside the checkout (../shared), or — for a worktree one level deeper — at the machine's shared path.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const beside = fileURLToPath(new URL("../../../shared/data/x-education/leads.csv", import.meta.url));

export const X_EDUCATION_CSV = [beside, "/work/shared/data/x-education/leads.csv"].find((f) => existsSync(f)) ?? beside;
