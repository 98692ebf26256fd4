// What the repository's scripts use of the generator: loading specs, and judging a change between
// two versions of one (spec:changeset, spec:check).
export { type Bump, classifySpecChange } from "./classify-spec-change.js";
export type { TypesVersion } from "./judge-types.js";
export { judgeVersions, RANK, type VersionVerdict } from "./judge-version.js";
export { type LoadedSpec, loadSpec, type OpenApiDocument } from "./load-spec.js";
export { listOperations } from "./render-operations.js";
export { renderTypes } from "./render-types.js";
export { SpecError } from "./spec-error.js";
export { lintRules } from "./spec-rules.js";
