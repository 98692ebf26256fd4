import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { generatedHeader } from "./generated-header.js";
import { loadSpec } from "./load-spec.js";
import { renderOperations } from "./render-operations.js";
import { MODELS_END, MODELS_START, renderModelsTable } from "./render-readme-models.js";
import { README_END, README_START, renderOperationsTable, replaceBlock } from "./render-readme-operations.js";
import { renderTypes } from "./render-types.js";
import { readIfExists } from "./write-files-atomically.js";

/**
 * Every generated file of a client package, by path inside the package, rendered in memory:
 * `src/generated/customers.ts` (types), `src/generated/operations.ts` (run-time operation list
 * and the package's `name/version`, for its User-Agent),
 * `openapi.yaml` (the spec itself, shipped so users and their mocks can read it; a build artifact,
 * ignored by git, never committed twice) and, when the README has
 * the markers, the README with its operations and models tables refreshed.
 */
/** Files generate writes for the package to ship that are not committed (so not checked for drift). */
export const UNCOMMITTED_OUTPUTS = ["openapi.yaml"];

export async function generateClientCode(specFile: string, packageDir: string): Promise<Record<string, string>> {
  const spec = await loadSpec(specFile);
  // Named from the root of the repository the package is in (packages/<name>), wherever that is.
  const header = generatedHeader(relative(resolve(packageDir, "../.."), resolve(specFile)).split("\\").join("/"));
  const files: Record<string, string> = {
    "src/generated/customers.ts": header + (await renderTypes(spec)),
    "src/generated/operations.ts": header + renderOperations(spec, await packageIdOf(packageDir)),
    "openapi.yaml": await readFile(specFile, "utf8"),
  };
  const readme = await readIfExists(join(packageDir, "README.md"));
  if (readme !== undefined) {
    const withOperations = replaceBlock(readme, README_START, README_END, renderOperationsTable(spec));
    const refreshed = replaceBlock(withOperations, MODELS_START, MODELS_END, renderModelsTable(spec));
    if (refreshed !== readme) files["README.md"] = refreshed;
  }
  return files;
}

/** `@org/fastly-customers/0.2.0`, from the package's package.json. */
async function packageIdOf(packageDir: string): Promise<string> {
  const { name, version } = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return `${name}/${version}`;
}
