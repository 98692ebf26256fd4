import type { ApiError } from "./errors.js";
import { apiErrorFor } from "./status-errors.js";

/** The result of every openapi-fetch call: either `data` or `error`, always `response`. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success variant's data of a result. */
export type DataOf<R extends FetchResult> = Extract<R, { data: unknown }>["data"];
/** The failure variant's error body of a result. */
export type ErrorOf<R extends FetchResult> = Extract<R, { error: unknown }>["error"];

/** Where a failed result of a client keeps how to build its ApiError (method, URL, request id, secrets): see call.ts. */
export const API_ERROR = Symbol("apiError");

/** A failed result as the client hands it back. */
export interface FailedResult extends FetchResult {
  readonly [API_ERROR]?: () => ApiError;
}

/**
 * Returns the data of a successful call, or throws an ApiError carrying the status, method,
 * URL, provider error code, request id and typed body of a failed one: of its status's class
 * (NotFoundError, RateLimitError, … see status-errors.ts).
 */
export function unwrap<R extends FetchResult>(result: R): DataOf<R> {
  if (result.response.ok) return result.data as DataOf<R>;
  throw apiErrorOf(result);
}

/** The ApiError describing a failed result. */
export function apiErrorOf<R extends FetchResult>(result: R): ApiError<ErrorOf<R>> {
  const build = (result as FailedResult)[API_ERROR];
  if (build) return build() as ApiError<ErrorOf<R>>;
  // A result made elsewhere: all it tells is its response.
  return apiErrorFor({
    response: result.response,
    body: result.error,
    method: "request",
    url: result.response.url,
    secrets: [],
  });
}
