import type { Attempt } from "./attempt.js";
import { ClientError, ConnectionError } from "./errors.js";
import { recordExchange, type ExchangeContext } from "./exchange-record.js";
import { redactSecrets } from "./redact.js";
import { RequestDescription } from "./request-description.js";

/** Sends one request (its `redirect` is "manual"), under `init.signal` and with `init.body` when given. */
export type SendFetch = (input: Request | string, init?: RequestInit) => Promise<Response>;

export interface SenderOptions {
  fetch: SendFetch;
  /** Headers that carry credentials: dropped when a redirect leaves the origin. */
  credentialHeaders: readonly string[];
  /** Response headers that carry the provider's request or correlation id, first found wins. */
  requestIdHeaders: readonly string[];
  /** Reads the provider's error code from an error body. */
  errorCode: (body: unknown) => string | undefined;
  /** Credential values to keep out of every error. */
  secrets: readonly string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ALWAYS_CREDENTIALS = ["authorization", "proxy-authorization", "cookie"];
const MAX_REDIRECTS = 5;

export type Sender = (request: Request | RequestDescription, attempt?: Attempt) => Promise<Response>;

/** What following a redirect needs of the request before it. */
type PreviousRequest = Pick<Request, "url" | "method" | "headers">;

/**
 * The fetch every client hands to openapi-fetch: one attempt of a call (retries and the timeout
 * are around the whole call, see retrying-call.ts), sent under the attempt's signal. Follows
 * redirects by hand, dropping credentials when they leave the origin; a request that gets no
 * answer rejects with a ConnectionError; each answer is recorded with what errors need
 * (request id, redacted URL).
 */
export function createSender(options: SenderOptions): Sender {
  const context: ExchangeContext = { requestIdHeaders: options.requestIdHeaders, errorCode: options.errorCode, secrets: options.secrets };
  return async function send(request, attempt) {
    const described = request instanceof RequestDescription;
    // Kept so a 307/308 can send it again: a description's string, a Request's bytes; requests
    // without a body pay nothing.
    const body = described ? request.body : request.body ? await request.arrayBuffer() : undefined;
    const signal = attempt?.signal ?? request.signal;
    let response: Response;
    try {
      // Without an attempt a Request's own signal applies: fetch follows it anyway, and passing
      // it again in the init was measured at about 0.8 kB more garbage a call.
      response = await (described ? options.fetch(request.url, { ...request.init, signal }) : options.fetch(request, attempt ? { signal, body } : body === undefined ? undefined : { body }));
      if (isRedirect(response)) response = await followRedirects(request, response, signal, body, options);
    } catch (error) {
      // An aborted attempt (the caller's signal or the timeout) is told apart by the call.
      if (error instanceof ClientError || signal?.aborted) throw error;
      throw new ConnectionError({ method: request.method, url: redactSecrets(request.url, options.secrets), cause: error });
    }
    recordExchange(response, request, context);
    if (attempt) attempt.response = response;
    return response;
  };
}

/** Failures a retry cannot mend (a redirect loop, a hidden redirect): reported at once. */
const final = new WeakSet<ClientError>();

export function isFinalFailure(failure: ClientError): boolean {
  return final.has(failure);
}

function finalFailure(failure: ClientError): ClientError {
  final.add(failure);
  return failure;
}

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect";
}

/** Follows the redirect `response` answered `request` with, up to MAX_REDIRECTS hops. */
async function followRedirects(request: PreviousRequest, response: Response, signal: AbortSignal | undefined, body: BodyInit | undefined, options: SenderOptions): Promise<Response> {
  const shownUrl = () => redactSecrets(request.url, options.secrets);
  let current: PreviousRequest = request;
  for (let hops = 0; isRedirect(response); hops++) {
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect" || !location) {
      throw finalFailure(new ConnectionError({ method: request.method, url: shownUrl(), reason: "redirected to a location this runtime does not reveal; set baseUrl to the final address" }));
    }
    if (hops >= MAX_REDIRECTS) throw finalFailure(new ConnectionError({ method: request.method, url: shownUrl(), reason: `more than ${MAX_REDIRECTS} redirects` }));
    await response.body?.cancel();
    const next = redirectedRequest(current, response.status, new URL(location, current.url), new URL(request.url).origin, body, options.credentialHeaders);
    response = await options.fetch(next, { signal });
    current = next;
  }
  return response;
}

function redirectedRequest(previous: PreviousRequest, status: number, target: URL, origin: string, body: BodyInit | undefined, credentialHeaders: readonly string[]): Request {
  const headers = new Headers(previous.headers);
  if (target.origin !== origin) for (const name of [...credentialHeaders, ...ALWAYS_CREDENTIALS]) headers.delete(name);
  const becomesGet = status === 303 || ((status === 301 || status === 302) && previous.method === "POST");
  if (becomesGet) {
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return new Request(target, {
    method: becomesGet && previous.method !== "HEAD" ? "GET" : previous.method,
    headers,
    body: becomesGet ? undefined : body,
    redirect: "manual",
  });
}
