// `cem analyze` (run by `pnpm run build`) writes custom-elements.json for editors and docs.
/** Keeps the manifest to the public API: no `#private` members, no unnamed dispatched events. */
const publicOnly = () => ({
  name: "septet-public-only",
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (member) =>
              !member.name.startsWith("#") &&
              member.privacy !== "private" &&
              member.name !== "shadowRootOptions",
          );
        }
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
});

export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/**/*.test.ts", "src/test/**"],
  outdir: ".",
  litelement: true,
  plugins: [publicOnly()],
};
