import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../repo-root.js";

const publishedPackages = readdirSync(join(repoRoot, "packages")).filter((dir) => dir.endsWith("-customers"));

/** The ```ts blocks of a README, with the package's own name pointed at its source. */
function typescriptExamples(dir: string): string[] {
  const packageDir = join(repoRoot, "packages", dir);
  const { name } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string };
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!.replaceAll(`"${name}"`, `"./src/index.js"`));
}

describe.each(publishedPackages)("the README of %s", (dir) => {
  it("shows TypeScript examples that compile against the package's real types", () => {
    const examples = typescriptExamples(dir);
    expect(examples.length).toBeGreaterThan(0);
    const packageDir = join(repoRoot, "packages", dir);
    const files = new Map(examples.map((code, index) => [join(packageDir, `readme-example-${index}.ts`), `export {};\n${code}`]));
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
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });
});
