// After typedoc (`pnpm run docs`): every link of the site leads somewhere real. A relative link
// must name a file of docs-site/; an absolute one must not be a file name that markdown turned
// into a web address (`http://NOTES.md`: `.md` is also a top-level domain).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const site = fileURLToPath(new URL("../docs-site/", import.meta.url));
const pages = readdirSync(site, { recursive: true }).filter((f) => f.endsWith(".html"));
const broken = [];
for (const page of pages) {
  const html = readFileSync(join(site, page), "utf8");
  for (const [, href] of html.matchAll(/\bhref="([^"]*)"/g)) {
    if (href.startsWith("#") || href.startsWith("mailto:")) continue;
    if (/^[a-z]+:/i.test(href)) {
      const host = URL.canParse(href) ? new URL(href).hostname : "";
      if (/\.(md|ts|js|json)$/i.test(host)) broken.push(`${page}: ${href} (a file name, not a site)`);
      continue;
    }
    const target = decodeURIComponent(href.split(/[#?]/)[0]);
    if (target !== "" && !existsSync(join(dirname(join(site, page)), target)))
      broken.push(`${page}: ${href} (no such file in docs-site/)`);
  }
}
if (broken.length > 0) {
  console.error(`${broken.length} broken link(s) in docs-site/:\n${broken.slice(0, 50).join("\n")}`);
  process.exit(1);
}
console.log(
  `docs-site/: ${pages.length} pages, every link resolves (${relative(process.cwd(), site) || "."})`,
);
