import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../repo-root.js";

const publishedPackages = readdirSync(join(repoRoot, "packages")).filter(
  (dir) => dir.endsWith("-customers") || dir === "customers-mock",
);

const scope = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { config: { scope: string } }).config
  .scope;

interface Example {
  code: string;
  /** Where its first line is: `packages/x/README.md:23`, for the failure message. */
  at: { file: string; line: number };
}

/** The ```ts blocks of a README, with each published package's name pointed at its source, relative to `dir`. */
function typescriptExamples(readmeFile: string, dir: string): Example[] {
  const readme = readFileSync(readmeFile, "utf8");
  const file = relative(repoRoot, readmeFile);
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => ({
    code: match[1]!.replace(
      new RegExp(`"${scope}/([a-z0-9-]+-customers)"`, "g"),
      (_, name: string) =>
        `"${relative(dir, join(repoRoot, "packages", name, "src/index.js")).replace(/^(?!\.)/, "./")}"`,
    ),
    at: { file, line: readme.slice(0, match.index).split("\n").length + 1 },
  }));
}

/**
 * The diagnostics of compiling each example as a module of the folder its README is in, as a
 * strict consumer's tsconfig would, each at its README line (`packages/acme-customers/README.md:31:
 * Property … does not exist`): after a spec edit, the line to fix. All in one program, so the
 * libraries and the packages' types are read and checked once, not once per README.
 */
function compileExamples(examples: (Example & { dir: string })[]): string[] {
  const files = new Map(
    examples.map((example, index) => [join(example.dir, `readme-example-${index}.ts`), `export {};\n${example.code}`]),
  );
  const options: ts.CompilerOptions = {
    // As a strict consumer's tsconfig has it (exactOptionalPropertyTypes is in `tsc --init`'s defaults).
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.fileExists = (file) => files.has(file) || fileExists(file);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const index = [...files.keys()].indexOf(diagnostic.file?.fileName ?? "");
    if (index === -1 || diagnostic.start === undefined) return message;
    // Line 1 of the compiled file is the `export {}` put before the example.
    const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line - 1;
    const { file, line: first } = examples[index]!.at;
    return `${file}:${first + line}: ${message}`;
  });
}

const readmes = [...publishedPackages.map((dir) => join(repoRoot, "packages", dir)), repoRoot].map((dir) => ({
  dir,
  examples: typescriptExamples(join(dir, "README.md"), dir),
}));
let diagnostics: string[] = [];
beforeAll(() => {
  diagnostics = compileExamples(
    readmes.flatMap(({ dir, examples }) => examples.map((example) => ({ ...example, dir }))),
  );
});
/** The diagnostics of one README's examples; one not tied to an example (a broken library) fails every README. */
const diagnosticsOf = (dir: string) => {
  const readme = `${relative(repoRoot, join(dir, "README.md"))}:`;
  return diagnostics.filter((line) => line.startsWith(readme) || !/^\S+\.md:\d+: /.test(line));
};

describe.each(publishedPackages)("the README of %s", (dir) => {
  it("shows TypeScript examples that compile against the package's real types", () => {
    const packageDir = join(repoRoot, "packages", dir);
    expect(readmes.find((readme) => readme.dir === packageDir)!.examples.length).toBeGreaterThan(0);
    expect(diagnosticsOf(packageDir)).toEqual([]);
  });
});

describe("the repository's README", () => {
  it("shows TypeScript examples that compile against the packages' real types", () => {
    expect(readmes.find((readme) => readme.dir === repoRoot)!.examples.length).toBeGreaterThan(0);
    expect(diagnosticsOf(repoRoot)).toEqual([]);
  });
});

describe("a README example that no longer compiles", () => {
  it("is reported at its README line, the one to fix after a spec edit", () => {
    const example: Example = {
      code: "const count: number = 1;\nconst label: string = count;\n",
      at: { file: "packages/acme-customers/README.md", line: 30 },
    };
    expect(compileExamples([{ ...example, dir: repoRoot }])).toEqual([
      "packages/acme-customers/README.md:31: Type 'number' is not assignable to type 'string'.",
    ]);
  });
});
