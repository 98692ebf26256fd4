import type { RuleSeverity } from "@redocly/openapi-core";

/**
 * The Redocly rules a spec must pass before anything is generated from it. `struct` is the
 * OpenAPI schema itself; the others catch what would otherwise surface as a broken client
 * (a dangling $ref, an operation without a name) or a mock that lies (examples that do not
 * match their schema).
 */
export const generateRules: Record<string, RuleSeverity> = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId": "error",
  "operation-operationId-unique": "error",
  "operation-operationId-url-safe": "error",
  "path-parameters-defined": "error",
  "path-not-include-query": "error",
  "no-identical-paths": "error",
  "no-ambiguous-paths": "error",
  "no-path-trailing-slash": "error",
  "no-enum-type-mismatch": "error",
  "no-invalid-media-type-examples": "error",
  "no-invalid-schema-examples": "error",
  "no-invalid-parameter-examples": "error",
  "security-defined": "error",
  "operation-2xx-response": "error",
  "no-server-trailing-slash": "error",
  "spec-components-invalid-map-name": "error",
};

/** Rules for `pnpm lint`: a house style on top of what generate needs. */
export const lintRules: Record<string, RuleSeverity> = {
  ...generateRules,
  "operation-summary": "error",
  "operation-tag-defined": "error",
  "tags-alphabetical": "off",
  "info-license": "error",
  "no-unused-components": "error",
};
