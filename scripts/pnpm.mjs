// Runs pnpm (the version pinned in package.json) on a machine that has only Node and npm:
// installs the workspace first when it is not installed yet, then forwards the arguments.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpm = (args) =>
  spawnSync("npx", ["-y", packageManager, ...args], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  }).status ?? 1;

if (!existsSync(join(root, "node_modules", ".modules.yaml"))) {
  const status = pnpm(["install", "--frozen-lockfile"]);
  if (status !== 0) process.exit(status);
}
process.exit(pnpm(process.argv.slice(2)));
