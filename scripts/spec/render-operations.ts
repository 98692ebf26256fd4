import type { LoadedSpec } from "./load-spec.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationSummary {
  operationId: string;
  method: Uppercase<(typeof HTTP_METHODS)[number]>;
  path: string;
  summary: string;
  requestMediaType?: string;
}

interface OperationObject {
  operationId?: string;
  summary?: string;
  requestBody?: { content?: Record<string, unknown> } | { $ref: string };
}

/** Every operation of the spec, in path order, with what a client needs at run time. */
export function listOperations(spec: LoadedSpec): OperationSummary[] {
  const operations: OperationSummary[] = [];
  for (const [path, item] of Object.entries(spec.document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const requestMediaType = firstMediaType(spec, operation.requestBody);
      operations.push({
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase() as OperationSummary["method"],
        path,
        summary: operation.summary ?? "",
        ...(requestMediaType ? { requestMediaType } : {}),
      });
    }
  }
  return operations;
}

function firstMediaType(spec: LoadedSpec, body: OperationObject["requestBody"]): string | undefined {
  const resolved = body && "$ref" in body ? resolveLocalRef(spec, body.$ref) : body;
  const content = (resolved as { content?: Record<string, unknown> } | undefined)?.content;
  return content ? Object.keys(content)[0] : undefined;
}

function resolveLocalRef(spec: LoadedSpec, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec.document);
}

/**
 * A module the client imports: the operations, the servers and the request media type of each
 * operation whose body is not plain `application/json` (which openapi-fetch would send instead).
 */
export function renderOperations(spec: LoadedSpec): string {
  const operations = listOperations(spec);
  const servers = (spec.document.servers as { url: string; description?: string }[] | undefined) ?? [];
  const requestMediaTypes = Object.fromEntries(
    operations
      .filter((operation) => operation.requestMediaType && operation.requestMediaType !== "application/json")
      .map((operation) => [`${operation.method} ${operation.path}`, operation.requestMediaType]),
  );
  return [
    `/** The server the spec names first: the client's default \`baseUrl\`. */`,
    `export const defaultBaseUrl = ${JSON.stringify(servers[0]?.url ?? "")};`,
    "",
    `/** Every server of the spec. */`,
    `export const servers = ${JSON.stringify(servers.map(({ url, description }) => ({ url, description: description ?? "" })), null, 2)} as const;`,
    "",
    `/** Every operation of the spec: id, method, path and summary. */`,
    `export const operations = ${JSON.stringify(operations, null, 2)} as const;`,
    "",
    `/** Request media types other than JSON, by \`METHOD /path\`. */`,
    `export const requestMediaTypes: Readonly<Record<string, string>> = ${JSON.stringify(requestMediaTypes, null, 2)};`,
    "",
  ].join("\n");
}
