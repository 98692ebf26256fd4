import { encodeFormBody, type FieldEncoding } from "./form-body.js";

const FORM = "application/x-www-form-urlencoded";

/** What the generated operation list tells the runtime about one operation of the spec. */
export interface OperationInfo {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** The names of its parameters, by where they go. */
  readonly parameters?: Readonly<Partial<Record<"path" | "query" | "header", readonly string[]>>>;
  /** The request body's media type, when the spec names one. */
  readonly requestMediaType?: string;
  /** A form body's field encodings, where the spec's `encoding` names them. */
  readonly requestEncoding?: Readonly<Record<string, FieldEncoding>>;
  /** Every error status the spec documents (`"404"`, `"4XX"`, `"default"`): whether it has a JSON body. */
  readonly errorBodies?: Readonly<Record<string, boolean>>;
}

/** The call's init with its body in the media type the spec names: a form encoded as forms are, or JSON under the provider's own JSON type, where openapi-fetch would send plain `application/json`. */
export function withMediaType(
  operation: OperationInfo | undefined,
  init: Record<string, unknown> = {},
): Record<string, unknown> {
  const mediaType = operation?.requestMediaType;
  if (!mediaType || mediaType === "application/json" || init.body === undefined) return init;
  const headers = { "Content-Type": mediaType, ...(init.headers as Record<string, string> | undefined) };
  if (mediaType === FORM && !init.bodySerializer)
    return { ...init, headers, bodySerializer: (body: unknown) => encodeFormBody(body, operation.requestEncoding) };
  return { ...init, headers };
}

/**
 * The error as its operation's spec says, so that the error type never lies: openapi-fetch hands back an error body parsed as JSON when it parses, its text otherwise,
 * and `undefined` (or `""`) when it is empty. Kept: a JSON object or array the spec documents
 * for the status. Everything else becomes text: an empty body `"<status> <statusText>"`.
 */
export function documentedError(error: unknown, response: Response, operation: OperationInfo | undefined): unknown {
  if (error === undefined || error === "") return `${response.status} ${response.statusText}`.trim();
  if (typeof error === "string" || !operation) return error;
  if (typeof error === "object" && error !== null && documentsBody(operation, response.status)) return error;
  return JSON.stringify(error);
}

/** As OpenAPI picks a response: the exact status, else its range (`4XX`), else `default`. */
function documentsBody(operation: OperationInfo, status: number): boolean {
  const documented = operation.errorBodies ?? {};
  return documented[status] ?? documented[`${String(status)[0]}XX`] ?? documented.default ?? false;
}
