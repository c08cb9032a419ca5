// Starts the designer's Vite dev server for one browser suite, on a free loopback port, with a dependency cache of its
// own: suites run in parallel, and two servers optimising into one cache at once break each other.
import { createServer, type ViteDevServer } from "vite";

export async function startDevServer(suite: string, options: { hmr?: boolean } = {}): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    server: { port: 0, host: "127.0.0.1", ...(options.hmr === false ? { hmr: false } : {}) },
    cacheDir: `node_modules/.vite-${suite}-test`,
    logLevel: "warn",
  });
  await server.listen();
  return { server, url: server.resolvedUrls?.local[0] ?? "" };
}
