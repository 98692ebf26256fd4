import { callPolicyOf, type RequestPolicy } from "./call-options.js";
import { ClientError, ConnectionError, InvalidResponseError, TimeoutError } from "./errors.js";
import { recordExchange, type ExchangeRecord } from "./exchange-record.js";
import { redactSecrets } from "./redact.js";
import { backoffDelay, retryAfterDelay, sleep } from "./retry-delay.js";

export interface SenderOptions {
  /** Sends one request; `init` carries the attempt's signal, `redirect: "manual"` and the body to send. */
  fetch: (request: Request, init: RequestInit) => Promise<Response>;
  policy: RequestPolicy;
  /** Headers that carry credentials: dropped when a redirect leaves the origin. */
  credentialHeaders: readonly string[];
  /** Response headers that carry the provider's request or correlation id, first found wins. */
  requestIdHeaders: readonly string[];
  /** Reads the provider's error code from an error body. */
  errorCode: (body: unknown) => string | undefined;
  /** The ApiError subclass for a status, when the provider has a distinct one. */
  errorClassFor: ExchangeRecord["errorClassFor"];
  /** Credential values to keep out of every error. */
  secrets: readonly string[];
}

const DEFAULT_POLICY = { maxRetries: 2, timeout: 60_000, retryNonIdempotent: false, maxRetryAfter: 60_000 };
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);
const RETRY_STATUSES = new Set([408, 429]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ALWAYS_CREDENTIALS = ["authorization", "proxy-authorization", "cookie"];
const MAX_REDIRECTS = 5;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The fetch every client hands to openapi-fetch. Per attempt: a timeout that covers the whole
 * answer, redirects followed by hand (credentials dropped when they leave the origin), the body
 * read in full. Between attempts: retries with backoff or `Retry-After`. The caller's
 * AbortSignal wins at any point. Failures reject with the ClientError family.
 */
export function createSender(options: SenderOptions): (request: Request) => Promise<Response> {
  return async function send(request) {
    const policy = { ...DEFAULT_POLICY, ...options.policy, ...callPolicyOf(request) };
    const shownUrl = redactSecrets(request.url, options.secrets);
    const retriesAllowed = IDEMPOTENT.has(request.method) || policy.retryNonIdempotent ? policy.maxRetries : 0;
    const body = request.body ? await request.arrayBuffer() : undefined;

    for (let retry = 0; ; retry++) {
      let answer: Answer | undefined;
      let failure: ClientError | undefined;
      try {
        answer = await attempt(request, body, policy.timeout, options, shownUrl);
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        failure = error as ClientError;
      }
      const response = answer?.response;
      const retryable = failure ? isRetryableFailure(failure) : isRetryableStatus(response!.status);
      if (!retryable || retry >= retriesAllowed) {
        if (failure) throw failure;
        return finish(request, answer!, options, shownUrl);
      }
      const delayMs = (response && retryAfterDelay(response.headers.get("retry-after"), policy.maxRetryAfter)) ?? backoffDelay(retry + 1);
      policy.onRetry?.({ method: request.method, url: shownUrl, retry: retry + 1, delayMs, reason: failure ? failure.message : `status ${response!.status}` });
      await sleep(delayMs, request.signal);
    }
  };
}

function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500;
}

/** Failures a retry cannot mend (a redirect loop, a hidden redirect): reported at once. */
const final = new WeakSet<ClientError>();

function isRetryableFailure(failure: ClientError): boolean {
  return !final.has(failure) && (failure instanceof TimeoutError || failure instanceof ConnectionError);
}

function finalFailure(failure: ClientError): ClientError {
  final.add(failure);
  return failure;
}

/** An answer read in full: the headers' Response (body consumed) and the body's bytes. */
interface Answer {
  response: Response;
  bytes: ArrayBuffer;
}

async function attempt(request: Request, body: ArrayBuffer | undefined, timeoutMs: number, options: SenderOptions, shownUrl: string): Promise<Answer> {
  // One controller per attempt, aborted by the timeout or by the caller's signal: cheaper than
  // AbortSignal.any, and fetch builds its own Request from `init` (no second one made here).
  // A listener never hears an abort that already happened, hence the check first.
  request.signal.throwIfAborted();
  const attemptSignal = new AbortController();
  const timer = setTimeout(() => attemptSignal.abort(), timeoutMs);
  const abortWithCaller = () => attemptSignal.abort(request.signal.reason);
  request.signal.addEventListener("abort", abortWithCaller, { once: true });
  const init: RequestInit = { signal: attemptSignal.signal, redirect: "manual" };
  try {
    let current = request;
    let response = await options.fetch(current, { ...init, body });
    for (let hops = 0; REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect"; hops++) {
      const location = response.headers.get("location");
      if (response.type === "opaqueredirect" || !location) {
        throw finalFailure(new ConnectionError({ method: request.method, url: shownUrl, reason: "redirected to a location this runtime does not reveal; set baseUrl to the final address" }));
      }
      if (hops >= MAX_REDIRECTS) throw finalFailure(new ConnectionError({ method: request.method, url: shownUrl, reason: `more than ${MAX_REDIRECTS} redirects` }));
      await response.body?.cancel();
      current = redirectedRequest(current, response.status, new URL(location, current.url), new URL(request.url).origin, body, options.credentialHeaders);
      response = await options.fetch(current, init);
    }
    return { response, bytes: await response.arrayBuffer() };
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    if (attemptSignal.signal.aborted) throw new TimeoutError({ method: request.method, url: shownUrl, timeoutMs });
    if (error instanceof ClientError) throw error;
    throw new ConnectionError({ method: request.method, url: shownUrl, cause: error });
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener("abort", abortWithCaller);
  }
}

function redirectedRequest(previous: Request, status: number, target: URL, origin: string, body: ArrayBuffer | undefined, credentialHeaders: readonly string[]): Request {
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
  });
}

/** A Response over the bytes already read (so the timeout covered them), `url` kept. */
function bufferedResponse({ response: original, bytes }: Answer): Response {
  const headers = new Headers(original.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  let body: ArrayBuffer | string | null = NULL_BODY_STATUSES.has(original.status) ? null : bytes;
  if (!original.ok && bytes.byteLength === 0 && body !== null) {
    // openapi-fetch would report an empty error body as `error: undefined`; say what happened instead.
    body = `${original.status} ${original.statusText}`.trim();
    headers.set("content-type", "text/plain");
  }
  const response = new Response(body, { status: original.status, statusText: original.statusText, headers });
  Object.defineProperty(response, "url", { value: original.url });
  return response;
}

function finish(request: Request, answer: Answer, options: SenderOptions, shownUrl: string): Response {
  const { headers, ok, status } = answer.response;
  const requestId = options.requestIdHeaders.map((name) => headers.get(name)).find((value) => value) ?? undefined;
  if (ok && isJson(headers.get("content-type"))) {
    // openapi-fetch would throw a bare SyntaxError; name the call instead.
    const text = new TextDecoder().decode(answer.bytes);
    try {
      if (text.trim() !== "") JSON.parse(text);
    } catch (error) {
      throw new InvalidResponseError({ method: request.method, url: shownUrl, status, reason: (error as Error).message, requestId });
    }
  }
  const response = bufferedResponse(answer);
  recordExchange(response, {
    method: request.method,
    url: shownUrl,
    requestId,
    errorCode: options.errorCode,
    errorClassFor: options.errorClassFor,
    secrets: options.secrets,
  });
  return response;
}

function isJson(contentType: string | null): boolean {
  return !!contentType && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
}
