import { dirname, join } from "node:path";
import ts from "typescript";
import { repoRoot } from "./repo-root.js";
import type { Bump } from "./classify-spec-change.js";
import type { OpenApiDocument } from "./load-spec.js";

/** One version of a package's public types: its spec and the types generated from it. */
export interface TypesVersion {
  document: OpenApiDocument;
  /** What openapi-typescript rendered (`src/generated/customers.ts`). */
  types: string;
}

export interface TypesVerdict {
  bump: Bump;
  /** What no longer compiles, in users' words, each with the compiler's reason. */
  breaks: string[];
}

interface Check {
  line: number;
  description: string;
  /** Whether the compiler's reason adds to the description (not for a name that is gone). */
  explained: boolean;
}

const RUNTIME = join(repoRoot, "packages/client-runtime/src/public-api.ts");
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// The options users of the clients compile with (the README examples are held to them too).
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
};

/**
 * The second judge of a version bump: code written against the `before` types, compiled against
 * the `after` ones. For every operation, path, schema and answer of `before` it writes the use a
 * caller's code makes of it (the operation method called with every argument the old types
 * allowed, exactly; `client.GET(path)` still there; every answer and error body the old types
 * promised still fitting them, field by field, which an exhaustive `switch` over an enum needs;
 * every schema still named) and compiles that against `after`, as users do, through the runtime's
 * own client types, under `strict` and `exactOptionalPropertyTypes`:
 * - major: some of it no longer compiles (each failure is named);
 * - minor: it all compiles but the types changed (something was added or loosened);
 * - patch: the types are the same but for their comments.
 * Many pairs are judged in one TypeScript program, which costs about as much as one.
 */
export function judgeTypes(pairs: { before: TypesVersion; after: TypesVersion }[]): TypesVerdict[] {
  const files = new Map<string, string>();
  const checks: Check[][] = [];
  pairs.forEach(({ before, after }, index) => {
    const dir = join(repoRoot, ".types-judge", `pair-${index}`);
    files.set(join(dir, "before.ts"), before.types);
    files.set(join(dir, "after.ts"), after.types);
    const usage = usageOf(before.document);
    files.set(join(dir, "usage.ts"), usage.text);
    checks.push(usage.checks);
  });
  const program = ts.createProgram({
    rootNames: [...files.keys()].filter((file) => file.endsWith("usage.ts")),
    options: COMPILER_OPTIONS,
    host: virtualHost(files),
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return pairs.map(({ before, after }, index) => {
    const dir = join(repoRoot, ".types-judge", `pair-${index}`);
    const usageFile = join(dir, "usage.ts");
    const broken = new Map<string, string>();
    for (const diagnostic of diagnostics) {
      if (diagnostic.file?.fileName !== usageFile || diagnostic.start === undefined) {
        if (diagnostic.file?.fileName.startsWith(`${dir}/`))
          throw new Error(`types judge: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
        continue;
      }
      const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
      const check = checks[index]!.findLast((candidate) => candidate.line <= line);
      if (!check) throw new Error(`types judge: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
      if (!broken.has(check.description))
        broken.set(check.description, check.explained ? `: ${deepestReason(diagnostic.messageText)}` : "");
    }
    const breaks = [...broken].map(([description, reason]) => `${description}${reason}`);
    if (breaks.length > 0) return { bump: "major", breaks };
    return { bump: withoutComments(before.types) === withoutComments(after.types) ? "patch" : "minor", breaks };
  });
}

/** The code a user of the `before` package may have written, one labelled check at a time. */
function usageOf(document: OpenApiDocument): { text: string; checks: Check[] } {
  const lines = [
    `import type { operations as BeforeOperations, paths as BeforePaths } from "./before.js";`,
    `import type { components as AfterComponents, operations as AfterOperations, paths as AfterPaths } from "./after.js";`,
    `import type { ApiResult, Exact, OperationArgs } from ${JSON.stringify(RUNTIME.replace(/\.ts$/, ".js"))};`,
    // `value` is a value of type T; `fits<Target>(value)` compiles when T is assignable to Target.
    "declare function value<T>(): T;",
    "declare function fits<Target>(value: Target): void;",
    "type Present<T> = [T] extends [never] ? false : true;",
    "type Data<O> = O extends Record<string | number, any> ? NonNullable<ApiResult<O, {}>['data']> : never;",
    "type Failure<O> = O extends Record<string | number, any> ? Exclude<NonNullable<ApiResult<O, {}>['error']>, string> : never;",
  ];
  const checks: Check[] = [];
  // A use that may stop compiling: the compiler's reason is worth quoting.
  const check = (description: string, ...code: string[]) => {
    checks.push({ line: lines.length + 1, description, explained: true });
    lines.push(...code);
  };
  // A name callers write: when it is gone, the description says it all.
  const named = (description: string, code: string) => {
    checks.push({ line: lines.length + 1, description, explained: false });
    lines.push(code);
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { operationId?: string } | undefined;
      if (!operation) continue;
      const call = `\`client.${method.toUpperCase()}(${JSON.stringify(path)})\``;
      named(
        `${call} no longer compiles: the operation is gone or moved`,
        `fits<true>(value<Present<AfterPaths[${JSON.stringify(path)}][${JSON.stringify(method)}]>>());`,
      );
      const id = operation.operationId;
      if (!id) continue;
      const before = `BeforeOperations[${JSON.stringify(id)}]`;
      const after = `AfterOperations[${JSON.stringify(id)}]`;
      named(`\`client.${id}()\` no longer exists`, `type After_${safe(id)} = ${after};`);
      check(
        `a call of \`${id}\` that compiled no longer does`,
        `fits<OperationArgs<After_${safe(id)}> & Exact<OperationArgs<${before}>, OperationArgs<After_${safe(id)}>>>(value<OperationArgs<${before}>>());`,
      );
      check(
        `code that reads \`${id}\`'s answer may no longer compile`,
        `fits<Data<${before}>>(value<Data<After_${safe(id)}>>());`,
        `fits<Exact<Data<${before}>, Data<After_${safe(id)}>>>(value<Data<${before}>>());`,
      );
      check(
        `code that reads \`${id}\`'s error bodies may no longer compile`,
        `fits<Failure<${before}>>(value<Failure<After_${safe(id)}>>());`,
        `fits<Exact<Failure<${before}>, Failure<After_${safe(id)}>>>(value<Failure<${before}>>());`,
      );
    }
  }
  const schemas = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  for (const name of Object.keys(schemas))
    named(
      `the type \`components["schemas"][${JSON.stringify(name)}]\` is gone (renamed or removed)`,
      `type Schema_${safe(name)} = AfterComponents["schemas"][${JSON.stringify(name)}];`,
    );
  return { text: `${lines.join("\n")}\n`, checks };
}

const safe = (name: string) => name.replace(/[^A-Za-z0-9_]/g, "_");

/** The innermost line of the compiler's explanation: the property or value that no longer fits. */
function deepestReason(message: string | ts.DiagnosticMessageChain): string {
  let node = message;
  while (typeof node !== "string" && node.next?.[0]) node = node.next[0];
  const text = typeof node === "string" ? node : node.messageText;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The types' text without comments, so that a changed description is not a change of the types. */
function withoutComments(types: string): string {
  const source = ts.createSourceFile("types.ts", types, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** A compiler host reading `files` from memory and everything else from disk. */
function virtualHost(files: Map<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  const virtualDirs = new Set([...files.keys()].map((file) => dirname(file)));
  return {
    ...host,
    directoryExists: (dir) => virtualDirs.has(dir) || (directoryExists?.call(host, dir) ?? true),
    fileExists: (file) => files.has(file) || fileExists.call(host, file),
    readFile: (file) => files.get(file) ?? readFile.call(host, file),
    getSourceFile: (file, language, ...rest) => {
      const text = files.get(file);
      return text === undefined
        ? getSourceFile.call(host, file, language, ...rest)
        : ts.createSourceFile(file, text, language, true);
    },
  };
}
