/** A static file server for a built site, with the site's own 404 page. */
import { createReadStream, existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import sirv from "sirv";

/** Options for {@link serveSite}. */
export interface ServeOptions {
  readonly dir: string;
  readonly port: number;
  readonly host: string;
}

/**
 * Serve `dir` over HTTP until the process ends.
 *
 * @param options Folder, port and host.
 * @returns The listening server.
 */
export function serveSite(options: ServeOptions): Promise<http.Server> {
  const root = path.resolve(options.dir);
  const assets = sirv(root, { dev: true, etag: true, extensions: ["html"], dotfiles: false });
  const notFound = path.join(root, "404.html");
  const server = http.createServer((req, res) => {
    assets(req, res, () => {
      res.statusCode = 404;
      if (existsSync(notFound)) {
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        createReadStream(notFound).pipe(res);
      } else {
        res.end("Not found");
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
