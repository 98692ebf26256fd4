/** Settings a client takes once and any call can override: `client.GET("/x", { timeout: 2_000 })`. */
export interface RequestPolicy {
  /** Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
  /**
   * Milliseconds one attempt may take: its token request, redirects and the answer's body
   * included (not a body asked for with `parseAs: "stream"`, which is the caller's to read).
   * `Infinity` for no limit. Default 60 000.
   */
  timeout?: number | undefined;
  /** Also retry POST and PATCH (only when the API makes them safe to repeat). Default false. */
  retryNonIdempotent?: boolean | undefined;
  /** The longest `Retry-After` honoured, in milliseconds; longer waits are cut to it. Default 60 000. */
  maxRetryAfter?: number | undefined;
  /** The most bytes of an answer's body read (after decoding); a larger one fails with ResponseTooLargeError. Default 32 MiB. */
  maxResponseBytes?: number | undefined;
  /** Called before each retry with why and how long it waits: for logs and metrics. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface RetryEvent {
  method: string;
  url: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  reason: string;
}

export interface ResolvedPolicy {
  maxRetries: number;
  timeout: number;
  retryNonIdempotent: boolean;
  maxRetryAfter: number;
  maxResponseBytes: number;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export const DEFAULT_POLICY: ResolvedPolicy = {
  maxRetries: 2,
  timeout: 60_000,
  retryNonIdempotent: false,
  maxRetryAfter: 60_000,
  maxResponseBytes: 32 * 1024 * 1024,
};

const POLICY_KEYS = [
  "maxRetries",
  "timeout",
  "retryNonIdempotent",
  "maxRetryAfter",
  "maxResponseBytes",
  "onRetry",
] as const;

/** `base` with every setting `override` sets (`{ timeout: undefined }` keeps the base's). */
export function withPolicy(base: ResolvedPolicy, override: RequestPolicy): ResolvedPolicy {
  const merged: Record<string, unknown> = { ...base };
  for (const key of POLICY_KEYS) if (override[key] !== undefined) merged[key] = override[key];
  return merged as unknown as ResolvedPolicy;
}

/** A call's init split into its policy and what goes on to openapi-fetch. */
export function splitPolicy(init: Record<string, unknown>): { policy: RequestPolicy; rest: Record<string, unknown> } {
  const policy: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const key in init) ((POLICY_KEYS as readonly string[]).includes(key) ? policy : rest)[key] = init[key];
  return { policy, rest };
}
