// Serves the <septet-composer> demo (packages/widget/demo) and the widget's build
// (packages/widget/dist) on localhost. No dependencies: node:http only.
//
//   node scripts/serve-demo.mjs          # port $PORT, else 5173, else any free port
//
// `npm start` builds the widget first, then runs this. Also importable: `serve({ port })`
// resolves to `{ server, url }` (used by the widget's benchmark and its bundle tests).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../packages/widget/", import.meta.url));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Maps a URL path to a file under the widget package, refusing anything outside demo/ and dist/. */
const resolvePath = (urlPath) => {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const relative = normalize(decoded).replace(/^[/\\]+/, "");
  if (!(relative.startsWith(`demo${sep}`) || relative.startsWith(`dist${sep}`) || relative === "demo")) {
    return undefined;
  }
  const file = join(root, relative);
  return file.startsWith(root) ? file : undefined;
};

const handler = async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/" || url.pathname === "/demo") {
    response.writeHead(302, { location: "/demo/" });
    response.end();
    return;
  }
  let file = resolvePath(url.pathname);
  try {
    if (file !== undefined && (await stat(file)).isDirectory()) file = join(file, "index.html");
    const info = file === undefined ? undefined : await stat(file);
    if (file === undefined || info === undefined || !info.isFile()) throw new Error("not found");
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": "no-store",
      // The widget's bundle tests load the build into a page of the test runner's origin.
      "access-control-allow-origin": "*",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("Not found\n");
  }
};

/** Listens on `port` (0: any free port) on 127.0.0.1; falls back to a free port when taken. */
export const serve = ({ port = Number(process.env.PORT) || 5173 } = {}) =>
  new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      handler(request, response).catch(() => {
        response.statusCode = 500;
        response.end();
      });
    });
    const listen = (p) => server.listen(p, "127.0.0.1");
    server.on("error", (error) => {
      if (error.code === "EADDRINUSE" && port !== 0) {
        port = 0;
        listen(0);
      } else reject(error);
    });
    server.on("listening", () => {
      const address = server.address();
      resolve({ server, url: `http://localhost:${address.port}/demo/` });
    });
    listen(port);
  });

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await serve();
  console.log(`septet-composer demo: ${url}  (Ctrl+C to stop)`);
}
