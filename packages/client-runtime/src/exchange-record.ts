import type { ApiError } from "./errors.js";
import { redactSecrets } from "./redact.js";

/**
 * What the client knows about a response that fetch's Response does not say: the request's
 * method and URL, the provider's request id and error code, and the secrets to keep out of
 * errors. Kept beside the Response, not on it, so openapi-fetch's result stays as it is.
 */
export interface ExchangeRecord {
  method: string;
  /** The request's URL with the secrets redacted. */
  readonly url: string;
  readonly requestId: string | undefined;
  errorCode: (body: unknown) => string | undefined;
  /** The ApiError subclass for a status, when the provider has a distinct one (e.g. 412). */
  errorClassFor: (status: number) => ApiErrorClass | undefined;
  secrets: readonly string[];
}

export type ApiErrorClass = typeof ApiError;

export interface ExchangeFacts {
  method: string;
  rawUrl: string;
  headers: Headers;
  requestIdHeaders: readonly string[];
  errorCode: ExchangeRecord["errorCode"];
  errorClassFor: ExchangeRecord["errorClassFor"];
  secrets: readonly string[];
}

const records = new WeakMap<Response, ExchangeFacts>();

/** Notes a response's facts; the redacted URL and the request id are worked out only if asked for. */
export function recordExchange(response: Response, facts: ExchangeFacts): void {
  records.set(response, facts);
}

export function exchangeOf(response: Response): ExchangeRecord | undefined {
  const facts = records.get(response);
  if (!facts) return undefined;
  const { method, rawUrl, headers, requestIdHeaders, errorCode, errorClassFor, secrets } = facts;
  return {
    method,
    errorCode,
    errorClassFor,
    secrets,
    get url() {
      return redactSecrets(rawUrl, secrets);
    },
    get requestId() {
      return requestIdHeaders.map((name) => headers.get(name)).find((value) => value) ?? undefined;
    },
  };
}
