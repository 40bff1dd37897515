/**
 * The API reference uses the ten categories documented in docs/README.md and listed in
 * `categoryOrder` of typedoc.json: no other `@category` name may appear in a package's sources.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const categoryOrder: ReadonlyArray<string> = JSON.parse(
  readFileSync(new URL("typedoc.json", root), "utf8"),
).categoryOrder;
const documented = categoryOrder.filter((name) => name !== "*");

const sources = (dir: URL): ReadonlyArray<URL> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
    if (entry.isDirectory()) return sources(url);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [url] : [];
  });

const used = ["core", "testing", "widget"].flatMap((pkg) =>
  sources(new URL(`packages/${pkg}/src/`, root)).flatMap((file) =>
    Array.from(readFileSync(file, "utf8").matchAll(/@category (.+)$/gm), (m) => ({
      file: file.pathname.slice(root.pathname.length),
      category: m[1]!.trim(),
    })),
  ),
);

describe("@category names", () => {
  it("typedoc.json lists about ten, all distinct", () => {
    expect(new Set(documented).size).toBe(documented.length);
    expect(documented).toHaveLength(10);
  });

  it("every @category in packages/*/src is one of them", () => {
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((u) => !documented.includes(u.category))).toEqual([]);
  });

  it("every one of them is used", () => {
    const names = new Set(used.map((u) => u.category));
    expect(documented.filter((name) => !names.has(name))).toEqual([]);
  });
});
