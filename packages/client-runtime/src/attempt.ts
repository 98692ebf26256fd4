/**
 * One attempt of a call, as far as it got. The retrying call creates it; the sender finds it by
 * the Request it is handed, and sends under the attempt's signal. The signal goes to fetch
 * directly, not into openapi-fetch's Request: a Request made with a signal follows it through
 * listeners, which costs about as much as the rest of the client's work per call.
 */
export interface Attempt {
  /** Aborted by the timeout or by the caller's signal. */
  signal: AbortSignal;
  /** The request as sent, after every middleware. */
  request?: Request;
  /** The last answer the sender got for it (headers in; the body may still be coming). */
  response?: Response;
  timedOut?: boolean;
}

const attempts = new WeakMap<Request, Attempt>();

export function joinAttempt(request: Request, attempt: Attempt): void {
  attempts.set(request, attempt);
}

/** The attempt a request belongs to; a request made outside a client's call has none. */
export function attemptOf(request: Request): Attempt | undefined {
  return attempts.get(request);
}

/** The signal a request is sent under. */
export function signalOf(request: Request): AbortSignal {
  return attempts.get(request)?.signal ?? request.signal;
}
