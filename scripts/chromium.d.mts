/** Where a Chromium was found. */
export interface FoundChromium {
  readonly path: string;
  readonly source: "CHROMIUM_PATH" | "distribution package" | "Playwright download";
}
export declare const distributionNames: ReadonlyArray<string>;
export declare const findChromium: (options?: {
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  playwrightPath?: string | undefined;
}) => FoundChromium | undefined;
export declare const chromiumPath: string | undefined;
export declare const chromiumArgs: ReadonlyArray<string>;
