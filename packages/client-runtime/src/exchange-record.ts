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
  secrets: readonly string[];
}

/** What a client tells every record of its answers. */
export interface ExchangeContext {
  requestIdHeaders: readonly string[];
  errorCode: ExchangeRecord["errorCode"];
  secrets: readonly string[];
}

/** What a record needs of the request: a Request, or a RequestDescription. */
type AnsweredRequest = Pick<Request, "method" | "url">;

const records = new WeakMap<Response, { request: AnsweredRequest; context: ExchangeContext }>();

/** Notes which request a response answers; the redacted URL and the request id are worked out only if asked for. */
export function recordExchange(response: Response, request: AnsweredRequest, context: ExchangeContext): void {
  records.set(response, { request, context });
}

export function exchangeOf(response: Response): ExchangeRecord | undefined {
  const record = records.get(response);
  if (!record) return undefined;
  const { request, context: { requestIdHeaders, errorCode, secrets } } = record;
  return {
    method: request.method,
    errorCode,
    secrets,
    get url() {
      return redactSecrets(request.url, secrets);
    },
    get requestId() {
      return requestIdHeaders.map((name) => response.headers.get(name)).find((value) => value) ?? undefined;
    },
  };
}
