/** Where a spec's models are used: in what callers send, in what they read, or both. */
export interface SchemaUsage {
  request: Set<string>;
  response: Set<string>;
}

/**
 * The models reachable from each operation's parameters and request body (`request`) and from
 * its responses (`response`), following `$ref`s through components at any depth.
 */
export function schemaUsage(document: object): SchemaUsage {
  const usage: SchemaUsage = { request: new Set(), response: new Set() };
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const [key, operation] of Object.entries(item ?? {})) {
      if (key === "parameters") collect(document, operation, usage.request, new Set());
      if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
      const { responses, ...request } = operation as { responses: unknown };
      collect(document, request, usage.request, new Set());
      collect(document, responses, usage.response, new Set());
    }
  }
  return usage;
}

function collect(document: object, node: unknown, models: Set<string>, seen: Set<string>): void {
  if (!node || typeof node !== "object") return;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && ref.startsWith("#/") && !seen.has(ref)) {
    seen.add(ref);
    const path = ref.slice(2).split("/");
    if (path[0] === "components" && path[1] === "schemas" && path[2]) models.add(path[2]);
    collect(document, at(document, path), models, seen);
  }
  for (const value of Object.values(node)) collect(document, value, models, seen);
}

function at(document: object, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    document,
  );
}
