const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** Exponential backoff with jitter: 500 ms, 1 s, 2 s … up to 8 s, each cut by up to 25 %. */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return Math.round(delay * (1 - random() * 0.25));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds (delta-seconds or an HTTP-date),
 * at most `cap`; undefined when there is no usable header.
 */
export function retryAfterDelay(header: string | null, cap: number, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  const delay = Number.isFinite(seconds) && header.trim() !== "" ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(delay)) return undefined;
  return Math.min(Math.max(0, Math.round(delay)), cap);
}

/** Waits, unless the signal aborts first: then rejects with the signal's reason at once. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) return void setTimeout(resolve, ms);
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
