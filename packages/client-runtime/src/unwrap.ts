import { ApiError } from "./errors.js";
import { exchangeOf } from "./exchange-record.js";
import { redactSecrets } from "./redact.js";
import { apiErrorClassFor } from "./status-errors.js";

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
  const { response } = result;
  const exchange = exchangeOf(response);
  const secrets = exchange?.secrets ?? [];
  const body = redactSecrets(result.error, secrets) as ErrorOf<R>;
  const ErrorClass = apiErrorClassFor(response.status);
  return new ErrorClass<ErrorOf<R>>({
    status: response.status,
    statusText: response.statusText,
    method: exchange?.method ?? "request",
    url: redactSecrets(exchange?.url ?? response.url, secrets),
    body,
    code: exchange?.errorCode(body),
    requestId: exchange?.requestId,
  });
}
