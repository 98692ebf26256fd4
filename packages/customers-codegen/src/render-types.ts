import openapiTS, { astToString } from "openapi-typescript";
import type { LoadedSpec } from "./load-spec.js";

/** The spec's `paths`, `operations` and `components` as TypeScript types, via openapi-typescript. */
export async function renderTypes(spec: LoadedSpec): Promise<string> {
  const ast = await openapiTS(structuredClone(spec.document) as never, { silent: true, readWriteMarkers: true });
  return astToString(ast);
}
