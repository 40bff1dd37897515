/**
 * The guide pages (docs/guides/*.md) are generated from septet's code and data by
 * scripts/docs/generate-guides.ts. These tests fail when a committed page differs by one byte from
 * what the generator writes now (run `pnpm run docs:guides` and commit), when typedoc would not
 * publish a guide, or when a page links to something that does not exist.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

// The generator runs in Node with tsx, as `pnpm run docs:guides` does.
const generated: ReadonlyArray<readonly [string, string]> = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", "scripts/docs/generate-guides.ts", "--json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  }),
);

describe("generated guides", () => {
  it("generates the pages typedoc publishes, and nothing else is in docs/guides", () => {
    const files = generated.map(([file]) => file);
    expect(readdirSync(new URL("guides/", import.meta.url)).sort()).toStrictEqual([...files].sort());
    const typedoc = JSON.parse(read("typedoc.json"));
    const guides = typedoc.projectDocuments.filter((p: string) => p.startsWith("docs/guides/"));
    expect(guides).toStrictEqual(files.map((f) => `docs/guides/${f}`));
  });

  it.each(generated)("docs/guides/%s is up to date (pnpm run docs:guides)", (file, text) => {
    expect(read(`docs/guides/${file}`)).toBe(text);
  });

  it("links between guides point at existing pages", () => {
    const files = new Set(generated.map(([file]) => file));
    for (const [file, text] of generated)
      for (const [, target] of text.matchAll(/\]\(\.\/([^)#]+)(?:#[^)]*)?\)/g))
        expect(files.has(target ?? ""), `${file} links to ${target}`).toBe(true);
  });

  it("the Rules page lists every guide and links every rule to a guide and an API symbol", () => {
    const rules = generated.find(([file]) => file === "rules.md")?.[1] ?? "";
    for (const [file] of generated) if (file !== "rules.md") expect(rules).toContain(`(./${file}`);
    const rows = rules
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| rule") && !l.startsWith("| ---"));
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) {
      expect(row, row).toMatch(/\]\(\.\//);
      expect(row, row).toContain("{@link @septet/");
    }
  });
});
