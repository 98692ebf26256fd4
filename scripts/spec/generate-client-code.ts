import { join, relative, resolve } from "node:path";
import { repoRoot } from "../repo-root.js";
import { generatedHeader } from "./generated-header.js";
import { loadSpec } from "./load-spec.js";
import { renderOperations } from "./render-operations.js";
import { renderOperationsTable, replaceOperationsBlock } from "./render-readme-operations.js";
import { renderTypes } from "./render-types.js";
import { readIfExists } from "./write-files-atomically.js";

/**
 * Every generated file of a client package, by path inside the package, rendered in memory:
 * `src/generated/customers.ts` (types), `src/generated/operations.ts` (run-time operation list)
 * and, when the README has the operations markers, the README with its table refreshed.
 */
export async function generateClientCode(specFile: string, packageDir: string): Promise<Record<string, string>> {
  const spec = await loadSpec(specFile);
  const header = generatedHeader(relative(repoRoot, resolve(specFile)).split("\\").join("/"));
  const files: Record<string, string> = {
    "src/generated/customers.ts": header + (await renderTypes(spec)),
    "src/generated/operations.ts": header + renderOperations(spec),
  };
  const readme = await readIfExists(join(packageDir, "README.md"));
  if (readme !== undefined) {
    const refreshed = replaceOperationsBlock(readme, renderOperationsTable(spec));
    if (refreshed !== readme) files["README.md"] = refreshed;
  }
  return files;
}
