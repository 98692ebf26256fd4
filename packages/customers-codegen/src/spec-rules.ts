import type { RuleConfig } from "@redocly/openapi-core/lib/config/types.js";

/**
 * The Redocly rules a spec must pass before anything is generated from it. `struct` is the
 * OpenAPI schema itself; the others catch what would otherwise surface as a broken client
 * (a dangling $ref, an operation without a name) or a mock that lies (examples that do not
 * match their schema).
 */
export const generateRules: Record<string, RuleConfig> = {
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

/**
 * Rules for `pnpm lint`: the house style on top of what generate needs. Every operation has
 * an operationId, a summary, a tag and security; every response body has an example, so the
 * mock answers with believable data.
 */
export const lintRules: Record<string, RuleConfig> = {
  ...generateRules,
  "rule/operation-tags": {
    subject: { type: "Operation", property: "tags" },
    assertions: { defined: true, nonEmpty: true },
    message: "Every operation needs at least one tag",
    severity: "error",
  },
  "rule/response-examples": {
    subject: { type: "MediaType" },
    where: [{ subject: { type: "Response" }, assertions: { defined: true } }],
    assertions: { requireAny: ["example", "examples"] },
    message: "Every response body needs an example (or examples), so the mock answers with believable data",
    severity: "error",
  },
  "operation-summary": "error",
  "operation-tag-defined": "error",
  "tags-alphabetical": "off",
  "info-license": "error",
  "no-unused-components": "error",
};
