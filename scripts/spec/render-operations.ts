import type { LoadedSpec } from "./load-spec.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationSummary {
  operationId: string;
  method: Uppercase<(typeof HTTP_METHODS)[number]>;
  path: string;
  summary: string;
  requestMediaType?: string;
  /** Every documented error status (`"404"`, `"4XX"`, `"default"`): whether it has a JSON body. */
  errorBodies: Record<string, boolean>;
}

type Reference = { $ref: string };
type WithContent = { content?: Record<string, unknown> };

interface OperationObject {
  operationId?: string;
  summary?: string;
  requestBody?: WithContent | Reference;
  responses?: Record<string, WithContent | Reference>;
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
        errorBodies: errorBodies(spec, operation.responses ?? {}),
      });
    }
  }
  return operations;
}

function firstMediaType(spec: LoadedSpec, body: OperationObject["requestBody"]): string | undefined {
  const content = contentOf(spec, body);
  return content ? Object.keys(content)[0] : undefined;
}

function errorBodies(spec: LoadedSpec, responses: NonNullable<OperationObject["responses"]>): Record<string, boolean> {
  const statuses = Object.keys(responses).filter((status) => !/^2/.test(status));
  return Object.fromEntries(statuses.map((status) => [status, Object.keys(contentOf(spec, responses[status]) ?? {}).some(isJson)]));
}

/** `application/json`, `application/problem+json`, `application/vnd.cloudlx.v1+json;charset=utf-8` … */
function isJson(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json(?:\s*;|$)/i.test(mediaType);
}

function contentOf(spec: LoadedSpec, node: WithContent | Reference | undefined): Record<string, unknown> | undefined {
  const resolved = node && "$ref" in node ? resolveLocalRef(spec, node.$ref) : node;
  return (resolved as WithContent | undefined)?.content;
}

function resolveLocalRef(spec: LoadedSpec, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec.document);
}

/** A module the client imports: the servers and the operations, with what the runtime needs of each. */
export function renderOperations(spec: LoadedSpec): string {
  const servers = (spec.document.servers as { url: string; description?: string }[] | undefined) ?? [];
  return [
    `/** The server the spec names first: the client's default \`baseUrl\`. */`,
    `export const defaultBaseUrl = ${JSON.stringify(servers[0]?.url ?? "")};`,
    "",
    `/** Every server of the spec. */`,
    `export const servers = ${JSON.stringify(servers.map(({ url, description }) => ({ url, description: description ?? "" })), null, 2)} as const;`,
    "",
    `/** Every operation of the spec: id, method, path, summary, request media type and documented error bodies. */`,
    `export const operations = ${JSON.stringify(listOperations(spec), null, 2)} as const;`,
    "",
  ].join("\n");
}
