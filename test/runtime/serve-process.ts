// Spawns `node bin/leadwire.mjs serve` the way a user would (logs to a file), waits until it answers, and stops or kills it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exited, freePort, track } from "./redis-server";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const workDir = mkdtempSync(join(tmpdir(), "leadwire-serve-"));

/** `npm test` builds dist/ before vitest; running one suite alone builds it here when it is missing. */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, "dist/cli.js"))) return;
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build-lib.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

/** Removes the flow files and logs of this test file's processes (after they are stopped). */
export function removeWorkDir(): void {
  rmSync(workDir, { recursive: true, force: true });
}

export function writeJson(name: string, value: unknown): string {
  const file = join(workDir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

export interface ServeProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  log(): string;
  /** SIGTERM (or another signal) and the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  kill(): Promise<void>;
}

export interface ServeOptions {
  redis?: string;
  env?: Record<string, string>;
  args?: string[];
}

let count = 0;

/** Runs the CLI in the foreground until it exits (for start-up failures): exit code and stderr. */
export function serveOnce(flowFile: string, args: string[] = [], env: Record<string, string> = {}): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/leadwire.mjs"), "serve", flowFile, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, err: r.stderr };
}

export async function startServe(flowFile: string, options: ServeOptions = {}): Promise<ServeProcess> {
  ensureBuilt();
  const port = await freePort();
  const logFile = join(workDir, `serve-${++count}-${port}.log`);
  const out = openSync(logFile, "a");
  const args = [join(ROOT, "bin/leadwire.mjs"), "serve", flowFile, "--port", String(port), "--host", "127.0.0.1"];
  if (options.redis) args.push("--redis", options.redis);
  const child = track(
    spawn(process.execPath, [...args, ...(options.args ?? [])], {
      cwd: ROOT,
      // These suites load the service from one address on purpose; the rate limit has its own tests.
      env: { ...process.env, LEADWIRE_LOG_LEVEL: "info", LEADWIRE_RATE_LIMIT: "off", ...options.env },
      stdio: ["ignore", out, out],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(logFile, "utf8");
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`leadwire serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`leadwire serve did not answer within 20 s:\n${log()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    url,
    child,
    logFile,
    log,
    async stop(signal = "SIGTERM") {
      child.kill(signal);
      return exited(child);
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}
