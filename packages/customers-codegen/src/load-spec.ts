import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { bundle, createConfig, getLineColLocation, lint, type NormalizedProblem } from "@redocly/openapi-core";
import type { RuleConfig } from "@redocly/openapi-core/lib/config/types.js";
import { SpecError, type SpecProblem } from "./spec-error.js";
import { generateRules } from "./spec-rules.js";
import { repoRoot } from "./repo-root.js";

/** A parsed, validated OpenAPI 3.1 document with every $ref resolved into one tree. */
export interface LoadedSpec {
  file: string;
  document: OpenApiDocument;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * Reads and validates a spec. Any problem, from a YAML typo to a dangling $ref, throws a
 * SpecError naming the file and the line of each problem, so nothing downstream runs.
 */
export async function loadSpec(file: string, rules: Record<string, RuleConfig> = generateRules): Promise<LoadedSpec> {
  const shownName = displayPath(file);
  const text = await readSpecText(file, shownName);
  if (text.trim() === "") {
    throw new SpecError([
      {
        file: shownName,
        line: 1,
        column: 1,
        message: "the file is empty; a spec needs at least `openapi`, `info` and `paths`",
      },
    ]);
  }
  const config = await createConfig({ rules } as never);
  const problems = await runRedocly(() => lint({ ref: file, config }), shownName);
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new SpecError(errors.map((problem) => locate(problem, shownName)));

  const { bundle: bundled } = await runRedocly(() => bundle({ ref: file, config, dereference: false }), shownName);
  const document = bundled.parsed as OpenApiDocument;
  if (typeof document?.openapi !== "string" || !document.openapi.startsWith("3.1")) {
    throw new SpecError([
      {
        file: shownName,
        line: 1,
        column: 1,
        message: `expected an OpenAPI 3.1 document, found openapi: ${String(document?.openapi)}`,
      },
    ]);
  }
  return { file, document };
}

async function readSpecText(file: string, shownName: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new SpecError([{ file: shownName, message: `cannot read the spec: ${(error as Error).message}` }]);
  }
}

/** Redocly throws plain errors for files it cannot parse at all; give them a place too. */
async function runRedocly<T>(run: () => Promise<T>, shownName: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = (error as Error).message;
    const position = /\((\d+):(\d+)\)/.exec(message);
    if ((error as Error).name === "YamlParseError" || position) {
      return Promise.reject(
        new SpecError([
          {
            file: shownName,
            line: position ? Number(position[1]) : undefined,
            column: position ? Number(position[2]) : undefined,
            message: `YAML syntax error: ${message.replace(/ in "[^"]*" \(\d+:\d+\)/, "")}`,
          },
        ]),
      );
    }
    const hint =
      message === "Unsupported specification" ? "not an OpenAPI document (no `openapi: 3.1.x` at the top)" : message;
    return Promise.reject(new SpecError([{ file: shownName, line: 1, column: 1, message: hint }]));
  }
}

function locate(problem: NormalizedProblem, shownName: string): SpecProblem {
  const location = problem.location[0];
  const file = location ? displayPath(location.source.absoluteRef) : shownName;
  let line: number | undefined;
  let column: number | undefined;
  if (location) {
    try {
      ({ line, col: column } = getLineColLocation(location).start);
    } catch {
      // No line for this pointer (e.g. a missing root key): the pointer still says where.
    }
  }
  return { file, line, column, pointer: location?.pointer, rule: problem.ruleId, message: problem.message };
}

/** Repo-relative inside the repo (`specs/fastly/customers.yaml`), absolute outside it. */
function displayPath(file: string): string {
  const inRepo = relative(repoRoot, resolve(file));
  return inRepo.startsWith("..") || isAbsolute(inRepo) ? resolve(file) : inRepo;
}
