import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks } from "./check-docs-links.mjs";

const site = mkdtempSync(join(tmpdir(), "septet-site-"));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, "documents"));
writeFileSync(join(site, "index.html"), "");
writeFileSync(join(site, "documents", "Rules.html"), "");

/** The broken links found in one page `documents/page.html` holding `<a href="…">`. */
const check = (href: string) => {
  writeFileSync(join(site, "documents", "page.html"), `<p>See <a href="${href}">this</a>.</p>`);
  return brokenLinks(site).broken;
};

describe("brokenLinks", () => {
  it.each([
    // href                                   broken
    ["Rules.html", false],
    ["Rules.html#precedence", false],
    ["../index.html", false],
    ["#local", false],
    ["mailto:someone@example.com", false],
    ["https://effect.website/docs", false],
    ["Missing.html", true],
    ["../media/NOTES.md", true],
    ["http://NOTES.md", true],
    ["https://BENCHMARKS.md/", true],
  ] as const)("%s broken: %s", (href, broken) => {
    expect(check(href)).toHaveLength(broken ? 1 : 0);
  });

  it("names the page and the link", () => {
    expect(check("http://NOTES.md")).toEqual([
      "documents/page.html: http://NOTES.md (a file name, not a site)",
    ]);
  });
});
