// Runs pnpm (the version pinned in package.json) on a machine that has only Node and npm:
// installs the workspace first when it is not installed yet, then forwards the arguments.
//
//   node scripts/pnpm.mjs run test:all         # pnpm run test:all
//   node scripts/pnpm.mjs --node scripts/x.mjs  # the workspace's Node 22 on a script, no pnpm in between
//
// `--node` is for long-running scripts stopped with Ctrl+C (`npm start`): pnpm reports any run it
// sees interrupted as "[ELIFECYCLE] Command failed", even when the script exits 0.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// Output that is not a terminal (a log, a pipe) gets no colour codes, from any tool down the line.
const env = process.stdout.isTTY ? process.env : { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, env, stdio: "inherit", shell: process.platform === "win32" })
    .status ?? 1;
const pnpm = (args) => run("npx", ["-y", packageManager, ...args]);

// Ctrl+C reaches the child too (same terminal): let it stop, then exit with its status.
process.on("SIGINT", () => {});

if (!existsSync(join(root, "node_modules", ".modules.yaml"))) {
  const status = pnpm(["install", "--frozen-lockfile"]);
  if (status !== 0) process.exit(status);
}
const [first, ...rest] = process.argv.slice(2);
if (first === "--node") {
  const node = join(root, "node_modules", ".bin", process.platform === "win32" ? "node.cmd" : "node");
  process.exit(run(node, rest));
}
process.exit(pnpm(process.argv.slice(2)));
