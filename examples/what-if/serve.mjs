// A tiny static file server for the browser examples, which are ES modules and so cannot be opened from file://.
// It serves the repository (the page imports ../../dist/browser/keyaccount.js) on localhost only:
//
//   node examples/what-if/serve.mjs [port]      then open http://localhost:8080/examples/what-if/
//
// The browser tests import serveDirectory from here, so the page is tested as a user opens it.

import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** The repository's root: what the examples' relative paths assume. */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Serves the files under `root` over HTTP on 127.0.0.1 (GET and HEAD; a folder serves its index.html).
 *
 * @param {string} root - The folder to serve.
 * @param {number} port - The port; 0 picks a free one.
 * @returns {Promise<import("node:http").Server>} The listening server; `server.address().port` is its port.
 * @throws When the port cannot be listened on (e.g. it is taken).
 *
 * @example
 * const server = await serveDirectory(REPOSITORY_ROOT, 0);
 * (await fetch(`http://127.0.0.1:${server.address().port}/examples/what-if/`)).status; // => 200
 * server.close();
 */
export function serveDirectory(root, port) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      response.end(text);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "method not allowed");
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return send(400, "bad path");
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, "outside the served folder");
    let stats = statSync(file, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      if (!path.endsWith("/")) {
        response.writeHead(301, { location: `${path}/` });
        return response.end();
      }
      file = join(file, "index.html");
      stats = statSync(file, { throwIfNoEntry: false });
    }
    if (!stats?.isFile()) return send(404, "not found");
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": stats.size,
      "cache-control": "no-store",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveServer(server));
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const port = Number(process.argv[2] ?? 8080);
  const server = await serveDirectory(REPOSITORY_ROOT, port);
  console.log(
    `Serving ${REPOSITORY_ROOT} — open http://localhost:${server.address().port}/examples/what-if/`,
  );
}
