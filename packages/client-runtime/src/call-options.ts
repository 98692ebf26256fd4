import type { Middleware } from "openapi-fetch";

/** Settings a client takes once and any call can override. */
export interface RequestPolicy {
  /** Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Milliseconds one attempt may take, answer body included; `Infinity` for no limit. Default 60 000. */
  timeout?: number;
  /** Also retry POST and PATCH (only when the API makes them safe to repeat). Default false. */
  retryNonIdempotent?: boolean;
  /** The longest `Retry-After` honoured, in milliseconds; longer waits are cut to it. Default 60 000. */
  maxRetryAfter?: number;
  /** Called before each retry with why and how long it waits: for logs and metrics. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  method: string;
  url: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  reason: string;
}

const perCall = new WeakMap<Middleware, RequestPolicy>();

/**
 * Overrides the client's request policy for one call:
 * `client.GET("/x", { ...callOptions({ timeout: 2_000, maxRetries: 0 }) })`.
 * It travels as a do-nothing middleware because that is the per-call option openapi-fetch's
 * types accept; the client's retrying call reads the policy off it before the first attempt.
 */
export function callOptions(policy: RequestPolicy): { middleware: Middleware[] } {
  const marker: Middleware = { onRequest: () => undefined };
  perCall.set(marker, policy);
  return { middleware: [marker] };
}

/** Whether a middleware is only callOptions()' carrier of a policy. */
export function isPolicyMarker(middleware: unknown): boolean {
  return perCall.has(middleware as Middleware);
}

/** The policy `callOptions` put among a call's middleware, if any. */
export function callPolicyOf(middleware: unknown): RequestPolicy | undefined {
  if (!Array.isArray(middleware)) return undefined;
  for (const entry of middleware) {
    const policy = perCall.get(entry as Middleware);
    if (policy) return policy;
  }
  return undefined;
}
