import type { RequestDescription } from "./request-description.js";

/**
 * One attempt of a call, as far as it got. The retrying call creates it and hands it to the
 * sender with each request, which sends under the attempt's signal. The signal goes to fetch
 * directly, not into openapi-fetch's Request: a Request made with a signal follows it through
 * listeners, which costs about as much as the rest of the client's work per call. Where no
 * middleware needs a Request, the request is only described (see request-description.ts).
 */
export interface Attempt {
  /** Aborted by the timeout or by the caller's signal. */
  signal: AbortSignal;
  /** The request as sent, after every middleware. */
  request?: Request | RequestDescription;
  /** The last answer the sender got for it (headers in; the body may still be coming). */
  response?: Response;
  timedOut?: boolean;
}
