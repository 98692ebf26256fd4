import { ClientError, ConnectionError, InvalidResponseError, safeCause, TimeoutError } from "./errors.js";
import type { Attempt, Exchange, FetchLike } from "./exchange.js";
import type { Log } from "./logging.js";
import { documentedError, withMediaType, type OperationInfo } from "./operation-rules.js";
import { DEFAULT_POLICY, splitPolicy, withPolicy, type RequestPolicy } from "./policy.js";
import { redactSecrets } from "./redact.js";
import { backoffDelay, retryAfterDelay, sleep } from "./retry-delay.js";
import { apiErrorFor } from "./status-errors.js";
import { API_ERROR, type FetchResult } from "./unwrap.js";

/** One call: `client.request(method, url, init)`. */
export type Call = (method: string, url: string, init?: Record<string, unknown>) => Promise<FetchResult>;

export interface CallSettings {
  /** The openapi-fetch client: it builds each attempt's request, runs the user's middleware and parses the answer. */
  client: { request(method: never, url: never, init: never): Promise<FetchResult> };
  exchange: Exchange;
  policy: RequestPolicy;
  operations: readonly OperationInfo[];
  secrets: () => readonly string[];
  requestIdHeaders: readonly string[];
  errorCode?: ((body: unknown) => string | undefined) | undefined;
  /** See ApiClientOptions.idempotencyHeader. */
  idempotencyHeader?: string | undefined;
  log?: Log | undefined;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]);
const RETRY_STATUSES = new Set([408, 429]);

/**
 * A call as a sequence of attempts. Each attempt is a whole openapi-fetch call (so the user's
 * middleware runs again and the body is serialised again) whose fetch is the client's exchange,
 * under the attempt's own signal: aborted by its timeout or by the caller's signal, which also
 * covers the body's reading. Between attempts: backoff or `Retry-After`. A failed answer comes
 * back as the error its operation documents, with credentials redacted, and `unwrap()` builds its
 * ApiError; a call that gets no answer rejects with a ClientError.
 */
export function createCall(settings: CallSettings): Call {
  const defaults = withPolicy(DEFAULT_POLICY, settings.policy);
  const byRoute = new Map(settings.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]));
  const { exchange, log, idempotencyHeader } = settings;

  return async function call(method, url, callerInit = {}) {
    const { policy: callPolicy, rest } = splitPolicy(callerInit);
    const {
      signal: callerSignal,
      fetch: callFetch,
      ...init
    } = rest as { signal?: AbortSignal; fetch?: FetchLike; parseAs?: string };
    const policy = withPolicy(defaults, callPolicy);
    const operation = byRoute.get(`${method} ${url}`);
    // With an idempotency key, every attempt of a POST or PATCH carries the same one, so the API
    // applies it once however often it arrives: then it is as safe to retry as a PUT.
    const keyed = idempotencyHeader !== undefined && !IDEMPOTENT.has(method);
    const requestInit = withMediaType(operation, keyed ? withIdempotencyKey(init, idempotencyHeader) : init);
    const retriesAllowed = IDEMPOTENT.has(method) || keyed || policy.retryNonIdempotent ? policy.maxRetries : 0;
    const started = performance.now();

    for (let number = 1; ; number++) {
      let result: FetchResult | undefined;
      let failure: ClientError | undefined;
      const controller = new AbortController();
      const attempt: Attempt = {
        signal: controller.signal,
        fetch: callFetch,
        maxResponseBytes: policy.maxResponseBytes,
        streamed: init.parseAs === "stream",
        number,
      };
      try {
        result = await sendAttempt(method, url, requestInit, policy.timeout, attempt, controller, callerSignal);
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        failure = asClientError(error, method, attempt, {
          timeoutMs: policy.timeout,
          attempts: number,
          elapsedMs: performance.now() - started,
        });
      }
      const retryable = failure
        ? failure instanceof TimeoutError || failure instanceof ConnectionError
        : isRetryableStatus(result!.response.status);
      if (!retryable || number > retriesAllowed) {
        if (failure) {
          log?.failure({ method, url: failure.url, error: failure.message });
          throw failure;
        }
        return result!.response.ok ? result! : failedResult(result!, method, attempt, operation);
      }
      const response = result?.response;
      const delayMs =
        (response && retryAfterDelay(response.headers.get("retry-after"), policy.maxRetryAfter)) ??
        backoffDelay(number);
      const reason = failure ? failure.message : `status ${response!.status}`;
      const event = { method, url: failure ? failure.url : shownUrl(attempt), retry: number, delayMs, reason };
      log?.retry(event);
      policy.onRetry?.(event);
      await sleep(delayMs, callerSignal);
    }
  };

  function shownUrl(attempt: Attempt): string {
    return redactSecrets(attempt.url ?? "", settings.secrets());
  }

  /** One attempt: openapi-fetch's call with the exchange as its fetch, under a signal that the timeout or the caller aborts. */
  async function sendAttempt(
    method: string,
    url: string,
    init: Record<string, unknown>,
    timeout: number,
    attempt: Attempt,
    controller: AbortController,
    callerSignal: AbortSignal | undefined,
  ): Promise<FetchResult> {
    // A listener never hears an abort that already happened, hence the check first.
    callerSignal?.throwIfAborted();
    const timer = Number.isFinite(timeout) ? setTimeout(() => controller.abort(new TimeoutMark()), timeout) : undefined;
    // Unref'd where timers can be (Node, Bun): a request in flight keeps the process alive by its
    // socket, and a ref'd timer set and cleared per call cost about 40 µs of CPU a call in the bench.
    (timer as { unref?: () => void } | undefined)?.unref?.();
    const abortWithCaller = () => controller.abort(callerSignal!.reason);
    callerSignal?.addEventListener("abort", abortWithCaller, { once: true });
    const fetch = async (request: Request) => {
      attempt.url = request.url;
      return exchange(
        {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: request.body ? await request.arrayBuffer() : undefined,
        },
        attempt,
      );
    };
    try {
      return await settings.client.request(method as never, url as never, { ...init, fetch } as never);
    } finally {
      clearTimeout(timer);
      // A stream the caller asked for is read after the call: the caller's signal still reaches it.
      if (init.parseAs !== "stream") callerSignal?.removeEventListener("abort", abortWithCaller);
    }
  }

  /** The failed answer with its documented error, redacted, and what unwrap() builds its ApiError from. */
  function failedResult(
    result: FetchResult,
    method: string,
    attempt: Attempt,
    operation: OperationInfo | undefined,
  ): FetchResult {
    const { response } = result;
    const secrets = settings.secrets();
    const error = redactSecrets(documentedError(result.error, response, operation), secrets);
    const answer = {
      response,
      body: error,
      method,
      url: attempt.url ?? response.url,
      secrets,
      requestIdHeaders: settings.requestIdHeaders,
      errorCode: settings.errorCode,
    };
    return Object.defineProperty({ error, response }, API_ERROR, { value: () => apiErrorFor(answer) });
  }

  /** What a failed attempt rejects with: a ClientError, or what was thrown before anything was sent (a refused parameter), as it is. */
  function asClientError(
    error: unknown,
    method: string,
    attempt: Attempt,
    timing: { timeoutMs: number; attempts: number; elapsedMs: number },
  ): ClientError {
    const secrets = settings.secrets();
    const url = shownUrl(attempt);
    if (attempt.signal.reason instanceof TimeoutMark) return new TimeoutError({ method, url, ...timing });
    if (error instanceof ClientError) return error;
    const { response } = attempt;
    // Thrown before anything was sent (a refused path parameter, a middleware's error): as it is.
    if (!attempt.url) throw error;
    if (!response) return new ConnectionError({ method, url, cause: safeCause(error, secrets) });
    const requestId = settings.requestIdHeaders.map((name) => response.headers.get(name)).find(Boolean) ?? undefined;
    const shownId = requestId && redactSecrets(requestId, secrets);
    if (error instanceof SyntaxError)
      return new InvalidResponseError({
        method,
        url,
        status: response.status,
        reason: error.message,
        ...(shownId ? { requestId: shownId } : {}),
      });
    return new ConnectionError({
      method,
      url,
      cause: safeCause(error, secrets),
      status: response.status,
      ...(shownId ? { requestId: shownId } : {}),
    });
  }
}

/** The reason of an attempt's abort by its timeout. */
class TimeoutMark extends Error {
  override readonly name = "TimeoutError";
}

function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500;
}

/** The call's init with an idempotency key: the caller's own if it set the header, else a new UUID. */
function withIdempotencyKey(init: Record<string, unknown>, header: string): Record<string, unknown> {
  const headers = (init.headers ?? {}) as Record<string, string>;
  const own = Object.keys(headers).some((name) => name.toLowerCase() === header.toLowerCase());
  return own ? init : { ...init, headers: { ...headers, [header]: globalThis.crypto.randomUUID() } };
}
