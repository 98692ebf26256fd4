import type { Attempt } from "./attempt.js";
import { callPolicyOf, type RequestPolicy } from "./call-options.js";
import { createDeadlines, type Deadlines } from "./deadlines.js";
import { ClientError, ConnectionError, InvalidResponseError, TimeoutError } from "./errors.js";
import { exchangeOf } from "./exchange-record.js";
import type { Log } from "./logging.js";
import { redactSecrets } from "./redact.js";
import { canDescribe, describeRequest } from "./request-description.js";
import { backoffDelay, retryAfterDelay, sleep } from "./retry-delay.js";
import { isFinalFailure, type Sender } from "./send-request.js";
import { keepResponseWithStream } from "./streamed-body.js";
import type { FetchResult } from "./unwrap.js";

/** One openapi-fetch call: `client.request(method, url, init)`. */
export type Call = (method: string, url: string, init?: Record<string, unknown>) => Promise<FetchResult>;

const DEFAULT_POLICY = { maxRetries: 2, timeout: 60_000, retryNonIdempotent: false, maxRetryAfter: 60_000 };
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);
const RETRY_STATUSES = new Set([408, 429]);

/**
 * Retries and timeouts around whole calls, so that each attempt is openapi-fetch's own call:
 * its middleware runs again (a fresh signature or token), its body is serialised again, and
 * it reads the answer inside the attempt, so the timeout covers the body without the runtime
 * buffering and copying it. Between attempts: backoff or `Retry-After`.
 * The caller's AbortSignal wins at any point. Failures reject with the ClientError family.
 */
export interface RetryingCallSettings {
  /** The client's policy; any call can override it with callOptions(). */
  policy: RequestPolicy;
  /** The client's sender: each attempt's requests go to it, with the attempt. */
  send: Sender;
  secrets: readonly string[];
  log?: Log | undefined;
  /** See ApiClientOptions.idempotencyHeader. */
  idempotencyHeader?: string | undefined;
  /** Whether the client has middleware of its own, which must see each request as a Request. */
  hasMiddleware: () => boolean;
}

export function retryingCall(call: Call, settings: RetryingCallSettings): Call {
  const { send, secrets, log, idempotencyHeader } = settings;
  const sending: Sending = { call, send, deadlines: createDeadlines() };
  const clientDefaults = { ...DEFAULT_POLICY, ...definedPolicy(settings.policy) };
  return async function callWithRetries(method, url, callerInit = {}) {
    const callPolicy = callPolicyOf(callerInit.middleware);
    const policy = callPolicy ? { ...clientDefaults, ...definedPolicy(callPolicy) } : clientDefaults;
    const callerSignal = callerInit.signal as AbortSignal | undefined;
    // With an idempotency key, every attempt of a POST or PATCH carries the same one, so the API
    // applies it once however often it arrives: then it is as safe to retry as a PUT.
    const keyed = idempotencyHeader !== undefined && !IDEMPOTENT.has(method);
    const init = keyed ? withIdempotencyKey(callerInit, idempotencyHeader) : callerInit;
    const retriesAllowed = IDEMPOTENT.has(method) || keyed || policy.retryNonIdempotent ? policy.maxRetries : 0;
    const described = !settings.hasMiddleware() && canDescribe(url, init);
    const started = performance.now();

    for (let retry = 0; ; retry++) {
      const controller = new AbortController();
      const sent: Attempt = { signal: controller.signal };
      let result: FetchResult | undefined;
      let failure: ClientError | undefined;
      const began = log ? performance.now() : 0;
      try {
        result = await attempt(sending, method, url, init, described, policy.timeout, sent, controller);
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        // Thrown before anything was sent (a refused path parameter, a missing credential): as it is.
        if (!sent.request && !sent.timedOut) throw error;
        failure = asClientError(error, method, shownUrlOf(sent, url, secrets), sent, { timeoutMs: policy.timeout, attempts: retry + 1, elapsedMs: performance.now() - started });
      }
      const response = result?.response;
      const shownUrl = log && shownUrlOf(sent, url, secrets).url;
      if (log) {
        const durationMs = Math.round(performance.now() - began);
        log.attempt({ method, url: shownUrl!, attempt: retry + 1, durationMs, ...(response ? { status: response.status } : { error: failure!.message }) });
      }
      const retryable = failure ? isRetryableFailure(failure) : isRetryableStatus(response!.status);
      if (!retryable || retry >= retriesAllowed) {
        if (failure) {
          log?.failure({ method, url: shownUrl!, error: failure.message });
          throw failure;
        }
        if (init.parseAs === "stream") keepResponseWithStream(result!.data, result!.response);
        return result!;
      }
      const delayMs = (response && retryAfterDelay(response.headers.get("retry-after"), policy.maxRetryAfter)) ?? backoffDelay(retry + 1);
      const reason = failure ? failure.message : `status ${response!.status}`;
      log?.retry({ method, url: shownUrl!, retry: retry + 1, delayMs, reason });
      policy.onRetry?.({ method, url: shownUrlOf(sent, url, secrets).url, retry: retry + 1, delayMs, reason });
      await sleep(delayMs, callerSignal);
    }
  };
}

/** What every attempt of a client's calls goes through. */
interface Sending {
  call: Call;
  send: Sender;
  deadlines: Deadlines;
}

/**
 * One openapi-fetch call under its own signal, aborted by the timeout or by the caller's signal.
 * openapi-fetch reads the body before it returns, so the timeout covers it; the sender notes
 * each Response on the attempt, so a body that breaks is reported with its status.
 */
async function attempt({ call, send, deadlines }: Sending, method: string, url: string, init: Record<string, unknown>, described: boolean, timeoutMs: number, sent: Attempt, controller: AbortController): Promise<FetchResult> {
  const callerSignal = init.signal as AbortSignal | undefined;
  // A listener never hears an abort that already happened, hence the check first.
  callerSignal?.throwIfAborted();
  const deadline = deadlines.add(timeoutMs, () => {
    sent.timedOut = true;
    controller.abort();
  });
  const abortWithCaller = callerSignal && (() => controller.abort(callerSignal.reason));
  if (abortWithCaller) callerSignal.addEventListener("abort", abortWithCaller, { once: true });
  // The attempt's own fetch, rather than a middleware, sees each request as sent: openapi-fetch
  // skips its middleware machinery when a client has none. Only a fetch passed to this one call
  // (which bypasses the sender) needs the signal inside the Request.
  const callerFetch = init.fetch as ((request: Request) => Promise<Response>) | undefined;
  const fetchForAttempt = (request: Request) => {
    sent.request = request;
    return callerFetch ? callerFetch(request) : send(request, sent);
  };
  try {
    return await call(method, url, { ...init, signal: callerFetch ? controller.signal : undefined, fetch: fetchForAttempt, Request: described ? describeRequest : init.Request });
  } finally {
    deadlines.cancel(deadline);
    // A stream the caller asked for is read after the call: the caller's signal still reaches it.
    if (abortWithCaller && init.parseAs !== "stream") callerSignal.removeEventListener("abort", abortWithCaller);
  }
}

function asClientError(error: unknown, method: string, shown: { url: string; requestId?: string }, sent: Attempt, timing: { timeoutMs: number; attempts: number; elapsedMs: number }): ClientError {
  if (sent.timedOut) return new TimeoutError({ method, url: shown.url, ...timing });
  if (error instanceof ClientError) return error;
  if (error instanceof SyntaxError && sent.response) {
    return new InvalidResponseError({ method, url: shown.url, status: sent.response.status, reason: error.message, requestId: shown.requestId });
  }
  return new ConnectionError({ method, url: shown.url, cause: error, status: sent.response?.status, requestId: shown.requestId });
}

/** The URL errors show (credentials redacted) and the request id, as far as the attempt got. */
function shownUrlOf(sent: Attempt, path: string, secrets: readonly string[]): { url: string; requestId?: string } {
  const exchange = sent.response && exchangeOf(sent.response);
  if (exchange) return exchange;
  return { url: redactSecrets(sent.request?.url ?? path, secrets) };
}

/** The policy's settings that are set: `{ timeout: undefined }` keeps the default. */
function definedPolicy(policy: RequestPolicy): RequestPolicy {
  const { maxRetries, timeout, retryNonIdempotent, maxRetryAfter, onRetry } = policy;
  return Object.fromEntries(Object.entries({ maxRetries, timeout, retryNonIdempotent, maxRetryAfter, onRetry }).filter(([, value]) => value !== undefined));
}

function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500;
}

function isRetryableFailure(failure: ClientError): boolean {
  return !isFinalFailure(failure) && (failure instanceof TimeoutError || failure instanceof ConnectionError);
}

/** The call's init with an idempotency key: the caller's own if it set the header, else a new UUID. */
function withIdempotencyKey(init: Record<string, unknown>, header: string): Record<string, unknown> {
  const headers = (init.headers ?? {}) as Record<string, string>;
  const own = Object.keys(headers).some((name) => name.toLowerCase() === header.toLowerCase());
  return own ? init : { ...init, headers: { ...headers, [header]: globalThis.crypto.randomUUID() } };
}
