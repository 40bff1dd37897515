// After typedoc (`pnpm run docs`): every link of the site leads somewhere real. A relative link
// must name a file of docs-site/; an absolute one must not be a file name that markdown turned
// into a web address (`http://NOTES.md`: `.md` is also a top-level domain).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The broken links of the HTML pages under `site`, as "page: href (why)". */
export const brokenLinks = (site) => {
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
        broken.push(`${page}: ${href} (no such file in the site)`);
    }
  }
  return { pages: pages.length, broken };
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { pages, broken } = brokenLinks(fileURLToPath(new URL("../docs-site/", import.meta.url)));
  if (broken.length > 0) {
    console.error(`${broken.length} broken link(s) in docs-site/:\n${broken.slice(0, 50).join("\n")}`);
    process.exit(1);
  }
  console.log(`docs-site/: ${pages} pages, every link resolves`);
}
