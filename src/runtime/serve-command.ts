// `leadwire serve`: the HTTP runtime is not part of this build yet, so it says so instead of pretending.
import type { Lang } from "../engine/i18n";
import type { Io } from "./cli";

export interface ServeArgs { flow: string; port?: string; host?: string; redis?: string; lang: Lang }

export async function serveCommand(_args: ServeArgs, io: Io): Promise<number> {
  io.err("leadwire serve is not available in this build yet.");
  return 2;
}
