/** The broken links of the HTML pages under `site`, as "page: href (why)". */
export declare const brokenLinks: (site: string) => { pages: number; broken: Array<string> };
