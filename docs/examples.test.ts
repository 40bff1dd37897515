/**
 * Runs every `@example` of the public API as a test, so the documentation cannot drift.
 *
 * An example is a fenced `ts` block after `@example` in a JSDoc comment of a package's `src/`.
 * A statement followed by `// => value` (on the same line or the next ones) is checked: objects
 * are compared as a subset (`toMatchObject`, so an example may show only the fields it is about),
 * anything else exactly (`toEqual`).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const packages = ["core", "testing"];

interface Example {
  readonly name: string;
  readonly pkg: string;
  readonly code: string;
}

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });

/** The fenced `ts` blocks that follow an `@example` tag, with the JSDoc gutter removed. */
const examplesOf = (pkg: string, file: string): Array<Example> => {
  const lines = readFileSync(file, "utf8").split("\n");
  const found: Array<Example> = [];
  let inExample = false;
  let block: Array<string> | undefined;
  let start = 0;
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s*\* ?/, "");
    if (block !== undefined) {
      if (line.startsWith("```")) {
        found.push({ name: `${relative(root, file)}:${start + 1}`, pkg, code: block.join("\n") });
        block = undefined;
        inExample = false;
      } else block.push(line);
    } else if (/^\s*\*\s*@example/.test(raw)) inExample = true;
    else if (inExample && /^```(ts|typescript)\b/.test(line)) {
      block = [];
      start = index;
    } else if (/^\s*\*\//.test(raw) || /^\s*\*\s*@(?!example)/.test(raw)) inExample = false;
  });
  return found;
};

/** The text of `// =>` comments right after `end`, joined, or undefined when there is none. */
const expectedAfter = (code: string, end: number): string | undefined => {
  const comments = [
    ...(ts.getTrailingCommentRanges(code, end) ?? []),
    ...(ts.getLeadingCommentRanges(code, end) ?? []),
  ];
  const texts = comments
    .filter((c) => c.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .map((c) => code.slice(c.pos + 2, c.end).trim());
  const first = texts.findIndex((t) => t.startsWith("=>"));
  if (first === -1) return undefined;
  const rest = texts.slice(first + 1).filter((t) => !t.startsWith("=>"));
  return [texts[first]!.slice(2), ...rest].join("\n").trim();
};

/** Rewrites `expr // => value` statements into checks. */
const instrument = (code: string): { readonly module: string; readonly checks: number } => {
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expected = expectedAfter(code, statement.end);
    if (expected === undefined) continue;
    const expression = code.slice(statement.expression.getStart(source), statement.expression.end);
    edits.push({
      start: statement.getStart(source),
      end: statement.end,
      text: `__check(${expression}, (${expected}));`,
    });
  }
  let module = code;
  for (const edit of edits.reverse())
    module = module.slice(0, edit.start) + edit.text + module.slice(edit.end);
  return { module, checks: edits.length };
};

const prelude = `import { expect as __expect } from "vitest";
const __check = (actual: unknown, expected: unknown): void => {
  if (typeof expected === "object" && expected !== null && !Array.isArray(expected)) __expect(actual).toMatchObject(expected);
  else __expect(actual).toEqual(expected);
};
`;

/** The README's fenced `ts` blocks: its tour shows real output too. */
const readmeExamples = (): Array<Example> => {
  const found: Array<Example> = [];
  const lines = readFileSync(join(root, "README.md"), "utf8").split("\n");
  let block: Array<string> | undefined;
  let start = 0;
  lines.forEach((line, index) => {
    if (block === undefined && /^```(ts|typescript)\b/.test(line)) {
      block = [];
      start = index;
    } else if (block !== undefined && line.startsWith("```")) {
      found.push({ name: `README.md:${start + 1}`, pkg: "core", code: block.join("\n") });
      block = undefined;
    } else block?.push(line);
  });
  return found;
};

const examples = [
  ...packages.flatMap((pkg) =>
    sourceFiles(join(root, "packages", pkg, "src")).flatMap((file) => examplesOf(pkg, file)),
  ),
  ...readmeExamples(),
];

describe("documentation examples", () => {
  it("finds examples to run", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  // Written beside each package so its dependencies resolve as they do for the package.
  for (const pkg of packages) {
    const dir = join(root, "packages", pkg, ".doc-examples");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  it.each(examples.map((example, n) => [example.name, example, n] as const))(
    "%s",
    async (_name, example, n) => {
      const { module, checks } = instrument(example.code);
      // Imports must stay first; the prelude only adds one more import and a helper.
      const path = join(root, "packages", example.pkg, ".doc-examples", `example-${n}.ts`);
      writeFileSync(path, prelude + module);
      await import(/* @vite-ignore */ path);
      expect(checks, "an example should show at least one `// =>` result").toBeGreaterThan(0);
    },
  );
});
