import { ApiError } from "./errors.js";

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
 * URL and typed body of a failed one, for code that prefers exceptions to `{ data, error }`.
 */
export function unwrap<R extends FetchResult>(result: R): DataOf<R> {
  if (result.response.ok) return result.data as DataOf<R>;
  throw apiErrorOf(result);
}

/** The ApiError describing a failed result. */
export function apiErrorOf<R extends FetchResult>(result: R): ApiError<ErrorOf<R>> {
  const { response } = result;
  return new ApiError<ErrorOf<R>>({
    status: response.status,
    statusText: response.statusText,
    method: methodOf(response),
    url: response.url,
    body: (result.error === "" ? undefined : result.error) as ErrorOf<R>,
  });
}

const requestMethods = new WeakMap<Response, string>();

/** Remembers which method produced a response; fetch's Response does not say. */
export function recordRequestMethod(response: Response, method: string): void {
  requestMethods.set(response, method);
}

function methodOf(response: Response): string {
  return requestMethods.get(response) ?? "request";
}
