/**
 * The errors a client reports. HTTP failures come back in openapi-fetch's `{ error, response }`;
 * `unwrap()` turns them into an ApiError. A request that never got an answer throws a
 * ConnectionError. Neither ever carries request headers, so credentials cannot leak into logs.
 */

/** The API answered with a non-2xx status. */
export class ApiError<Body = unknown> extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  readonly url: string;
  /** The parsed error body the API sent (JSON when it was JSON, else text; undefined when empty). */
  readonly body: Body;

  constructor(init: { status: number; statusText: string; method: string; url: string; body: Body }) {
    const detail = describeErrorBody(init.body);
    super(`${init.method} ${init.url} failed with ${init.status}${init.statusText ? ` ${init.statusText}` : ""}${detail ? `: ${detail}` : ""}`);
    this.status = init.status;
    this.statusText = init.statusText;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
  }
}

/** The request never got an HTTP answer (refused, reset, DNS, TLS). */
export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
  readonly method: string;
  readonly url: string;

  constructor(init: { method: string; url: string; cause: unknown }) {
    const reason = init.cause instanceof Error ? (init.cause.cause as Error | undefined)?.message ?? init.cause.message : String(init.cause);
    super(`${init.method} ${init.url} got no answer: ${reason}`, { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
  }
}

/** Picks the human-readable part of the usual error body shapes. */
function describeErrorBody(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 200);
  if (!body || typeof body !== "object") return "";
  const record = body as Record<string, unknown>;
  const nested = Array.isArray(record.errors) ? (record.errors[0] as Record<string, unknown> | undefined) : undefined;
  const parts = [record.msg, record.message, record.detail, record.title, nested?.message].filter(
    (part): part is string => typeof part === "string" && part.length > 0,
  );
  return [...new Set(parts)].join(" — ").slice(0, 300);
}
