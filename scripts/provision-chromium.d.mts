import type { FoundChromium } from "./chromium.mjs";

/** One way of installing Chromium. */
export interface Installer {
  readonly name: string;
  readonly applies: () => boolean;
  readonly install: () => boolean | Promise<boolean>;
}
export declare const onPath: (name: string, path?: string, exists?: (path: string) => boolean) => boolean;
export declare const playwrightInstaller: Installer;
export declare const aptInstaller: Installer;
export declare const provisionChromium: (options?: {
  env?: Readonly<Record<string, string | undefined>>;
  find?: () => FoundChromium | undefined;
  installers?: ReadonlyArray<Installer>;
  log?: (line: string) => void;
}) => Promise<FoundChromium | { readonly message: readonly [string, string] }>;
