import type { LoadedSpec } from "./load-spec.js";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationSummary {
  operationId: string;
  method: Uppercase<(typeof HTTP_METHODS)[number]>;
  path: string;
  summary: string;
  requestMediaType?: string;
  /** How a form body's fields are encoded, where the spec's `encoding` says (`style`, `explode`). */
  requestEncoding?: Record<string, FieldEncoding>;
  /** The names of the operation's parameters (its path item's too), by where they go. */
  parameters: Partial<Record<ParameterLocation, string[]>>;
  /** Every documented error status (`"404"`, `"4XX"`, `"default"`): whether it has a JSON body. */
  errorBodies: Record<string, boolean>;
}

type ParameterLocation = "path" | "query" | "header";
type FieldEncoding = { style?: string; explode?: boolean };
type Reference = { $ref: string };
type ParameterObject = { name: string; in: string };
type WithContent = { content?: Record<string, unknown> };

interface OperationObject {
  operationId?: string;
  summary?: string;
  parameters?: (ParameterObject | Reference)[];
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
      const requestEncoding = requestMediaType ? encodingOf(spec, operation.requestBody, requestMediaType) : undefined;
      operations.push({
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase() as OperationSummary["method"],
        path,
        summary: operation.summary ?? "",
        ...(requestMediaType ? { requestMediaType } : {}),
        ...(requestEncoding ? { requestEncoding } : {}),
        parameters: parameterNames(spec, [
          ...((item.parameters as OperationObject["parameters"]) ?? []),
          ...(operation.parameters ?? []),
        ]),
        errorBodies: errorBodies(spec, operation.responses ?? {}),
      });
    }
  }
  return operations;
}

/** Names by location; an operation's parameter overrides its path item's of the same name and place. */
function parameterNames(
  spec: LoadedSpec,
  parameters: NonNullable<OperationObject["parameters"]>,
): OperationSummary["parameters"] {
  const names: OperationSummary["parameters"] = {};
  for (const parameter of parameters) {
    const resolved = ("$ref" in parameter ? resolveLocalRef(spec, parameter.$ref) : parameter) as ParameterObject;
    if (resolved.in !== "path" && resolved.in !== "query" && resolved.in !== "header") continue;
    const list = names[resolved.in] ?? [];
    names[resolved.in] = list;
    if (!list.includes(resolved.name)) list.push(resolved.name);
  }
  return names;
}

function firstMediaType(spec: LoadedSpec, body: OperationObject["requestBody"]): string | undefined {
  const content = contentOf(spec, body);
  return content ? Object.keys(content)[0] : undefined;
}

/** The `style` and `explode` of each field the media type's `encoding` names; undefined when it names none. */
function encodingOf(
  spec: LoadedSpec,
  body: OperationObject["requestBody"],
  mediaType: string,
): Record<string, FieldEncoding> | undefined {
  const media = contentOf(spec, body)?.[mediaType] as { encoding?: Record<string, FieldEncoding> } | undefined;
  const fields = Object.entries(media?.encoding ?? {}).map(
    ([name, { style, explode }]) =>
      [name, { ...(style ? { style } : {}), ...(explode === undefined ? {} : { explode }) }] as const,
  );
  const named = fields.filter(([, encoding]) => Object.keys(encoding).length > 0);
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}

function errorBodies(spec: LoadedSpec, responses: NonNullable<OperationObject["responses"]>): Record<string, boolean> {
  const statuses = Object.keys(responses).filter((status) => !/^2/.test(status));
  return Object.fromEntries(
    statuses.map((status) => [status, Object.keys(contentOf(spec, responses[status]) ?? {}).some(isJson)]),
  );
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

/** Names an operation method may not take: they are the client's own. */
const CLIENT_MEMBERS = new Set(["request", "use", "eject", ...HTTP_METHODS.map((method) => method.toUpperCase())]);

/**
 * A module the client imports: the package's `name/version` (its User-Agent), the servers, the
 * operations with what the runtime needs of each, and the type of one method per operationId.
 */
export function renderOperations(spec: LoadedSpec, packageId: string): string {
  const servers = (spec.document.servers as { url: string; description?: string }[] | undefined) ?? [];
  const operations = listOperations(spec);
  const taken = operations.find((operation) => CLIENT_MEMBERS.has(operation.operationId));
  if (taken)
    throw new Error(
      `${spec.file}: operationId "${taken.operationId}" (${taken.method} ${taken.path}) is a name of the client itself; rename it.`,
    );
  const scope = packageId.startsWith("@") ? packageId.split("/")[0] : undefined;
  return [
    `import type { OperationMethod } from "${scope ? `${scope}/` : ""}client-runtime";`,
    `import type { operations as OperationTypes } from "./customers.js";`,
    "",
    `/** The package and its version, as its User-Agent names them (regenerated by \`npm run version-packages\`). */`,
    `export const packageId = ${JSON.stringify(packageId)};`,
    "",
    `/** The server the spec names first: the client's default \`baseUrl\`. */`,
    `export const defaultBaseUrl = ${JSON.stringify(servers[0]?.url ?? "")};`,
    "",
    `/** Every server of the spec. */`,
    `export const servers = ${JSON.stringify(
      servers.map(({ url, description }) => ({ url, description: description ?? "" })),
      null,
      2,
    )} as const;`,
    "",
    `/** Every operation of the spec: id, method, path, summary, parameters, request media type and documented error bodies. */`,
    `export const operations = ${JSON.stringify(operations, null, 2)} as const;`,
    "",
    `/** One method per operation: \`client.getCustomer({ customer_id })\` beside \`client.GET("/customer/{customer_id}", …)\`. */`,
    `export interface OperationMethods {`,
    ...operations.flatMap((operation) => [
      `  /**`,
      ...(operation.summary ? [`   * ${operation.summary.replaceAll("*/", "*\\/")}`, `   *`] : []),
      `   * \`${operation.method} ${operation.path}\``,
      `   */`,
      `  ${propertyName(operation.operationId)}: OperationMethod<OperationTypes[${JSON.stringify(operation.operationId)}]>;`,
    ]),
    `}`,
    "",
  ].join("\n");
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
