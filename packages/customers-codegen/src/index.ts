// What the repository's scripts use of the generator (its command, `customers-codegen`, is the
// rest): judging the bump a spec change calls for, for spec:changeset and spec:check.
export type { Bump } from "./classify-spec-change.js";
export type { TypesVersion } from "./judge-types.js";
export { judgeVersions, RANK, type VersionVerdict } from "./judge-version.js";
export type { OpenApiDocument } from "./load-spec.js";
export { renderTypes } from "./render-types.js";
