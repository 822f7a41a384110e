/** A static file server for a built site, with the site's own 404 page and optional live reload. */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import sirv from "sirv";
import { PACKAGE_ROOT } from "../render/templates.js";

/** Options for {@link serveSite}. */
export interface ServeOptions {
  readonly dir: string;
  readonly port: number;
  readonly host: string;
  /** Inject a script that reloads open pages when {@link LiveServer.reload} is called. */
  readonly liveReload?: boolean;
}

/** A running server. */
export interface LiveServer {
  readonly server: http.Server;
  /** Tell every open page to reload. */
  reload(): void;
}

const RELOAD_SCRIPT = "/__clippings/live-reload.js";
const EVENTS = "/__clippings/events";

/**
 * Serve `dir` over HTTP until the process ends.
 *
 * @param options Folder, port, host and live reload.
 * @returns The listening server and a function that reloads open pages.
 */
export function serveSite(options: ServeOptions): Promise<LiveServer> {
  const root = path.resolve(options.dir);
  const assets = sirv(root, { dev: true, etag: true, extensions: ["html"], dotfiles: false });
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (options.liveReload && url.pathname === EVENTS) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (options.liveReload && url.pathname === RELOAD_SCRIPT) {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      res.end(readFileSync(path.join(PACKAGE_ROOT, "lib/client/live-reload.js")));
      return;
    }
    if (options.liveReload && (url.pathname.endsWith("/") || url.pathname.endsWith(".html"))) {
      const file = path.join(root, decodeURIComponent(url.pathname), url.pathname.endsWith("/") ? "index.html" : "");
      if (file.startsWith(root + path.sep) && existsSync(file)) {
        const html = readFileSync(file, "utf8").replace("</body>", `<script type="module" src="${RELOAD_SCRIPT}"></script>\n</body>`);
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
        res.end(html);
        return;
      }
    }
    assets(req, res, () => notFound(root, res));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () =>
      resolve({
        server,
        reload: () => {
          for (const client of clients) client.write("event: rebuilt\ndata: {}\n\n");
        },
      }),
    );
  });
}

function notFound(root: string, res: http.ServerResponse): void {
  const page = path.join(root, "404.html");
  res.statusCode = 404;
  if (existsSync(page)) {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    createReadStream(page).pipe(res);
  } else {
    res.end("Not found");
  }
}
