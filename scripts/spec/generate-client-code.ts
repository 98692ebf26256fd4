import { relative, resolve } from "node:path";
import { repoRoot } from "../repo-root.js";
import { generatedHeader } from "./generated-header.js";
import { loadSpec } from "./load-spec.js";
import { renderOperations } from "./render-operations.js";
import { renderTypes } from "./render-types.js";

/** Every generated file of a client package, by file name, rendered in memory from its spec. */
export async function generateClientCode(specFile: string): Promise<Record<string, string>> {
  const spec = await loadSpec(specFile);
  const header = generatedHeader(relative(repoRoot, resolve(specFile)).split("\\").join("/"));
  return {
    "customers.ts": header + (await renderTypes(spec)),
    "operations.ts": header + renderOperations(spec),
  };
}
