// The <septet-composer> demo (packages/widget/demo), served by Vite on localhost.
//
//   node scripts/demo.mjs           # `npm start`: builds core and the widget, serves the built drop-in
//   node scripts/demo.mjs --watch   # `npm run dev`: serves the widget's sources; edits reload the page
//
// Port: $PORT, else 5173, else the next free one. Progress lines carry no colour; Ctrl+C stops the
// server and exits 0. `previewWidget` (Vite's static preview server over packages/widget, files
// sent byte for byte) also serves the built bundles to the widget's bundle tests and benchmark.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createServer, preview } from "vite";

const widget = fileURLToPath(new URL("../packages/widget/", import.meta.url));
const coreSrc = fileURLToPath(new URL("../packages/core/src/", import.meta.url));

/** `/` opens the demo; `/favicon.ico` is answered empty (the demo has none: no 404 in the console). */
const demoRoutes = () => {
  const routes = (server) => {
    server.middlewares.use((request, response, next) => {
      const path = (request.url ?? "/").split("?")[0];
      if (path === "/" || path === "/demo") {
        response.writeHead(302, { location: "/demo/" });
        response.end();
      } else if (path === "/favicon.ico") {
        response.writeHead(204);
        response.end();
      } else next();
    });
  };
  return { name: "septet-demo-routes", configureServer: routes, configurePreviewServer: routes };
};

const common = () => ({ configFile: false, logLevel: "warn", clearScreen: false });

/**
 * Serves packages/widget as static files (the demo page and the built `dist/`), unmodified, with
 * CORS (the bundle tests load them from another origin). `port` 0: any free port.
 */
export const previewWidget = async ({ port = Number(process.env.PORT) || 5173 } = {}) => {
  const server = await preview({
    ...common(),
    // The preview server serves `build.outDir`: here the whole widget package, so demo/ and dist/.
    root: fileURLToPath(new URL("..", import.meta.url)),
    build: { outDir: widget },
    plugins: [demoRoutes()],
    preview: {
      host: "127.0.0.1",
      port,
      strictPort: port === 0,
      cors: true,
      headers: { "cache-control": "no-store" },
    },
  });
  const address = server.httpServer.address();
  return { server, url: `http://localhost:${address.port}/demo/` };
};

/** Serves the demo with the widget and core SOURCES (the page's `../dist/septet-composer.js` is the widget's `src/index.ts`). */
const devServer = async () => {
  const server = await createServer({
    ...common(),
    root: widget,
    resolve: {
      alias: [
        { find: /^@septet\/core\/(.+)$/, replacement: `${coreSrc}$1.ts` },
        { find: /^@septet\/core$/, replacement: `${coreSrc}index.ts` },
      ],
    },
    plugins: [
      demoRoutes(),
      {
        name: "septet-widget-sources",
        enforce: "pre",
        resolveId: (id) => (id.endsWith("/dist/septet-composer.js") ? `${widget}src/index.ts` : null),
      },
    ],
    server: { host: "127.0.0.1", port: Number(process.env.PORT) || 5173, fs: { allow: [widget, coreSrc] } },
  });
  await server.listen();
  return { server, url: `http://localhost:${server.config.server.port}/demo/` };
};

// The pnpm running this script (`pnpm run demo`), else the one pinned in package.json through npx.
// (pnpm 12 is a native executable; older ones are a JavaScript file run by Node.)
const execPath = process.env.npm_execpath ?? "";
const pnpm = /pnpm/.test(execPath)
  ? /\.[cm]?js$/.test(execPath)
    ? [process.execPath, execPath]
    : [execPath]
  : [
      "npx",
      "-y",
      JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).packageManager,
    ];

/** The build running now, stopped with the script on Ctrl+C. */
let building;

/** Runs `pnpm --filter <pkg> run build`, its output kept unless it fails; prints one progress line. */
const build = (pkg, index, total) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    process.stdout.write(`[${index}/${total}] building ${pkg}… `);
    const child = spawn(pnpm[0], [...pnpm.slice(1), "--filter", pkg, "run", "build"], {
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    building = child;
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) {
        console.log(`done (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        resolve();
      } else if (signal !== null) resolve();
      else {
        console.log("failed:");
        process.stderr.write(output);
        reject(new Error(`${pkg} build failed`));
      }
    });
  });

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const watch = process.argv.includes("--watch");
  let running;
  // Ctrl+C: stop the server and exit 0 (the script did what was asked; pnpm then reports no failure).
  process.on("SIGINT", async () => {
    console.log("\nstopped");
    building?.kill("SIGINT");
    await running?.server.close();
    process.exit(0);
  });
  try {
    if (!watch) {
      await build("@septet/core", 1, 2);
      await build("@septet/widget", 2, 2);
    }
    running = watch ? await devServer() : await previewWidget();
    console.log(
      watch
        ? `septet-composer demo (sources, reloads on save): ${running.url}  (Ctrl+C to stop)`
        : `septet-composer demo: ${running.url}  (Ctrl+C to stop)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
