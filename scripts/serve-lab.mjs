#!/usr/bin/env node
/**
 * Serves the built lab (dist-web/) on localhost and prints its address — `npm start` ends here.
 * A plain static server on Node's http module: the lab needs nothing else (no network, no API).
 * PORT picks the port (default 4173; the next free one if it is taken). Also used by the tests.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export function serveLab(root, port = 4173, host = "127.0.0.1") {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    const attempt = (p, left) => {
      server.once("error", (error) => {
        if (error.code === "EADDRINUSE" && left > 0) attempt(p + 1, left - 1);
        else reject(error);
      });
      server.listen(p, host, () =>
        resolvePromise({
          server,
          url: `http://${host === "127.0.0.1" ? "localhost" : host}:${server.address().port}/`,
        }),
      );
    };
    attempt(port, 20);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../dist-web/", import.meta.url));
  if (!existsSync(join(root, "index.html"))) {
    console.error(
      "dist-web/index.html is missing: run `npm run build:lab` first. / 缺少 dist-web/index.html：请先运行 `npm run build:lab`。",
    );
    process.exit(2);
  }
  const { url } = await serveLab(root, Number(process.env.PORT) || 4173);
  console.log(`reglab lab / 实验室: ${url}`);
  console.log("Press Ctrl+C to stop. / 按 Ctrl+C 停止。");
}
