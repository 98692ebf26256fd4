import { redactSecrets } from "./redact.js";

/**
 * The one error family of every client. HTTP failures come back in openapi-fetch's
 * `{ error, response }` and `unwrap()` turns them into an ApiError; the others are thrown by
 * the call itself. None ever carries request headers, and known credentials are redacted from
 * every message and body, so errors are safe to log.
 */

/** Base class: what was asked (method, URL) and, once there is an answer, its request id. */
export class ClientError extends Error {
  override readonly name: string = "ClientError";
  readonly method: string;
  readonly url: string;
  /** The provider's request or correlation id, when the answer carried one. */
  readonly requestId: string | undefined;

  constructor(message: string, init: { method: string; url: string; requestId?: string; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
  }
}

/** The API answered with a non-2xx status. */
export class ApiError<Body = unknown> extends ClientError {
  // `string`, as on Error: a provider's subclass (e.g. PreconditionFailedError) names itself.
  override readonly name: string = "ApiError";
  readonly status: number;
  readonly statusText: string;
  /** The provider's machine-readable error code from the body, when it sends one. */
  readonly code: string | undefined;
  /** The error body: parsed JSON, else its text (`"<status> <statusText>"` when it was empty). */
  readonly body: Body;

  constructor(init: {
    status: number;
    statusText: string;
    method: string;
    url: string;
    body: Body;
    code?: string;
    requestId?: string;
  }) {
    const detail = describeErrorBody(init.body);
    const code = init.code ? ` [${init.code}]` : "";
    const id = init.requestId ? ` (request id ${init.requestId})` : "";
    super(
      `${init.method} ${init.url} failed with ${init.status}${init.statusText ? ` ${init.statusText}` : ""}${code}${detail ? `: ${detail}` : ""}${id}`,
      init,
    );
    this.status = init.status;
    this.statusText = init.statusText;
    this.code = init.code;
    this.body = init.body;
  }
}

/** The request got no HTTP answer (refused, reset, DNS, TLS, too many redirects), or only part of one. */
export class ConnectionError extends ClientError {
  override readonly name = "ConnectionError";
  /** The status of an answer whose body was cut off; undefined when no answer came. */
  readonly status: number | undefined;

  constructor(init: {
    method: string;
    url: string;
    cause?: unknown;
    reason?: string;
    status?: number;
    requestId?: string;
  }) {
    const reason = init.reason ?? causeText(init.cause);
    const outcome = init.status === undefined ? "got no answer" : `got an incomplete ${init.status} answer`;
    super(`${init.method} ${init.url} ${outcome}: ${reason}`, init);
    this.status = init.status;
  }
}

/** A redirect this client does not follow: a loop, another scheme than http(s), a token request sent to another origin. Never retried. */
export class RedirectError extends ClientError {
  override readonly name = "RedirectError";
  readonly status: number;

  constructor(init: { method: string; url: string; status: number; reason: string }) {
    super(`${init.method} ${init.url} was redirected (${init.status}) and not followed: ${init.reason}`, init);
    this.status = init.status;
  }
}

/** The answer's body is larger than the call's `maxResponseBytes` (decoded). Never retried. */
export class ResponseTooLargeError extends ClientError {
  override readonly name = "ResponseTooLargeError";
  readonly status: number;
  readonly maxResponseBytes: number;

  constructor(init: { method: string; url: string; status: number; maxResponseBytes: number; requestId?: string }) {
    super(
      `${init.method} ${init.url} answered ${init.status} with a body over the ${init.maxResponseBytes} byte limit (maxResponseBytes); it was not read further`,
      init,
    );
    this.status = init.status;
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** No complete answer within the timeout (after any retries). */
export class TimeoutError extends ClientError {
  override readonly name = "TimeoutError";
  /** The timeout of each attempt. */
  readonly timeoutMs: number;
  /** How many attempts the call made in all, the last one timed out (1 when none was retried). */
  readonly attempts: number;
  /** The whole call's time, retries and their waits included. */
  readonly elapsedMs: number;

  constructor(init: { method: string; url: string; timeoutMs: number; attempts?: number; elapsedMs?: number }) {
    const attempts = init.attempts ?? 1;
    const elapsedMs = Math.round(init.elapsedMs ?? init.timeoutMs);
    const overall =
      attempts > 1 ? ` (attempt ${attempts} of ${attempts}; ${(elapsedMs / 1000).toFixed(1)} s in all)` : "";
    super(
      `${init.method} ${init.url} timed out: no complete answer within the ${init.timeoutMs} ms timeout per attempt${overall}`,
      init,
    );
    this.timeoutMs = init.timeoutMs;
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
  }
}

/** The API answered 2xx with a body that is not what its media type says (e.g. broken JSON). */
export class InvalidResponseError extends ClientError {
  override readonly name = "InvalidResponseError";
  readonly status: number;

  constructor(init: { method: string; url: string; status: number; reason: string; requestId?: string }) {
    super(`${init.method} ${init.url} answered ${init.status} with an invalid body: ${init.reason}`, init);
    this.status = init.status;
  }
}

/**
 * The cause to keep on an error: as it is, or, when its text carries a secret (a URL, an echoed
 * header), rebuilt with the secrets redacted, its own causes too.
 */
export function safeCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error) || depth > 4) return typeof cause === "string" ? redactSecrets(cause, secrets) : cause;
  const inner = cause.cause === undefined ? undefined : safeCause(cause.cause, secrets, depth + 1);
  const text = `${cause.message}\n${cause.stack ?? ""}`;
  if (redactSecrets(text, secrets) === text && inner === cause.cause) return cause;
  const copy = new Error(redactSecrets(cause.message, secrets), inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  copy.stack = redactSecrets(cause.stack ?? "", secrets);
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: string } | undefined)?.code;
  return inner ? `${inner.message}${code && !inner.message.includes(code) ? ` (${code})` : ""}` : cause.message;
}

/** Picks the human-readable part of the usual error body shapes. */
function describeErrorBody(body: unknown): string {
  if (typeof body === "string") return body.slice(0, 300);
  if (!body || typeof body !== "object") return "";
  const record = body as Record<string, unknown>;
  const nested = Array.isArray(record.errors) ? (record.errors[0] as Record<string, unknown> | undefined) : undefined;
  const parts = [record.msg, record.message, record.detail, record.title, nested?.message].filter(
    (part): part is string => typeof part === "string" && part.length > 0,
  );
  return [...new Set(parts)].join(" — ").slice(0, 300);
}
