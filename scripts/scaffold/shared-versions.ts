import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SharedVersions } from "./provider-files.js";

/** The versions the shared runtime pins, so a new provider package stays on the same ones. */
export function sharedVersions(root: string): SharedVersions {
  const runtime = JSON.parse(readFileSync(join(root, "packages/client-runtime/package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  return {
    openapiFetch: runtime.dependencies["openapi-fetch"]!,
    typesNode: runtime.devDependencies["@types/node"]!,
    typescript: runtime.devDependencies.typescript!,
    vitest: runtime.devDependencies.vitest!,
  };
}
