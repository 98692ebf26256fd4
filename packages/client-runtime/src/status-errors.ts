import { ApiError } from "./errors.js";

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
