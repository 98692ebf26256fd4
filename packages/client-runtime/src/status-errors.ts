import { ApiError } from "./errors.js";
import { redactSecrets } from "./redact.js";

/*
 * ApiError subclasses by status, as Stainless SDKs have them: `catch (e) { if (e instanceof
 * NotFoundError) … }`. Each keeps the typed body of its ApiError; `unwrap()` picks the class.
 */

/** 400: the request is malformed or invalid. */
export class BadRequestError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "BadRequestError";
}

/** 401: the credentials are missing, wrong or expired. */
export class AuthenticationError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "AuthenticationError";
}

/** 403: the credentials may not do this. */
export class PermissionDeniedError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "PermissionDeniedError";
}

/** 404: no such resource (or not visible to these credentials). */
export class NotFoundError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "NotFoundError";
}

/** 409: the request conflicts with the resource's state. */
export class ConflictError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "ConflictError";
}

/** 412: an `If-Match` no longer matches: someone changed the resource since you read it. */
export class PreconditionFailedError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "PreconditionFailedError";
}

/** 422: the request is well formed but its content is refused. */
export class UnprocessableEntityError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "UnprocessableEntityError";
}

/** 429: a rate limit was hit (after the retries, if any). */
export class RateLimitError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "RateLimitError";
}

/** 500 and above: the provider failed (after the retries, if any). */
export class InternalServerError<Body = unknown> extends ApiError<Body> {
  override readonly name: string = "InternalServerError";
}

const BY_STATUS: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The ApiError class for a status: its own class, InternalServerError from 500, else ApiError. */
export function apiErrorClassFor(status: number): typeof ApiError {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** What an ApiError is built from: the answer, its parsed body, the request, and the secrets to redact from all of it. */
export interface FailedAnswer {
  response: Response;
  body: unknown;
  method: string;
  url: string;
  secrets: readonly string[];
  requestIdHeaders?: readonly string[];
  errorCode?: ((body: unknown) => string | undefined) | undefined;
}

/** The ApiError of its status's class for a failed answer, with every field redacted. */
export function apiErrorFor<Body>({
  response,
  body,
  method,
  url,
  secrets,
  requestIdHeaders = ["x-request-id", "request-id"],
  errorCode = defaultErrorCode,
}: FailedAnswer): ApiError<Body> {
  const redacted = redactSecrets(body, secrets) as Body;
  const requestId = requestIdHeaders.map((name) => response.headers.get(name)).find((value) => value);
  const code = errorCode(redacted);
  const ErrorClass = apiErrorClassFor(response.status);
  return new ErrorClass<Body>({
    status: response.status,
    statusText: redactSecrets(response.statusText, secrets),
    method,
    url: redactSecrets(url, secrets),
    body: redacted,
    ...(code === undefined ? {} : { code: redactSecrets(code, secrets) }),
    ...(requestId ? { requestId: redactSecrets(requestId, secrets) } : {}),
  });
}

/** `code`, or OAuth 2's `error` (RFC 6749 §5.2: `{ "error": "invalid_client", ... }`). */
export function defaultErrorCode(body: unknown): string | undefined {
  const { code, error } = (body ?? {}) as { code?: unknown; error?: unknown };
  if (typeof code === "string") return code;
  return typeof error === "string" ? error : undefined;
}
