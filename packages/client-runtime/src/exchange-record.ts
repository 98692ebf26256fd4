import type { ApiError } from "./errors.js";

/**
 * What the client knows about a response that fetch's Response does not say: the request's
 * method and URL, the provider's request id and error code, and the secrets to keep out of
 * errors. Kept beside the Response, not on it, so openapi-fetch's result stays as it is.
 */
export interface ExchangeRecord {
  method: string;
  url: string;
  requestId: string | undefined;
  errorCode: (body: unknown) => string | undefined;
  /** The ApiError subclass for a status, when the provider has a distinct one (e.g. 412). */
  errorClassFor: (status: number) => ApiErrorClass | undefined;
  secrets: readonly string[];
}

export type ApiErrorClass = typeof ApiError;

const records = new WeakMap<Response, ExchangeRecord>();

export function recordExchange(response: Response, record: ExchangeRecord): void {
  records.set(response, record);
}

export function exchangeOf(response: Response): ExchangeRecord | undefined {
  return records.get(response);
}
