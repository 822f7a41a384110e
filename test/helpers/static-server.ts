/** A local HTTP server for a built site under a path prefix, with chosen response headers. */
import { createReadStream, existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";

/** A running server. */
export interface StaticServer {
  /** The site's base URL, e.g. `http://127.0.0.1:41234/archive/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** The Content-Security-Policy the site must work under. */
export const STRICT_CSP = "default-src 'self'";

/**
 * Serve `dir` at `prefix` on a free loopback port. Requests outside the prefix and missing
 * files get the site's 404 page with status 404.
 *
 * @param dir Built site folder.
 * @param options Path prefix (default `/`) and headers added to every response.
 */
export async function serveStatic(dir: string, options: { prefix?: string; headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const headers = options.headers ?? {};
  const assets = sirv(dir, { dev: true, extensions: ["html"], dotfiles: false });
  const notFound = path.join(dir, "404.html");
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const missing = () => {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Not found");
    };
    if (!req.url?.startsWith(prefix)) return missing();
    req.url = `/${req.url.slice(prefix.length)}`;
    assets(req, res, missing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
