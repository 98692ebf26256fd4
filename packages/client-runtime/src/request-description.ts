import { isPolicyMarker } from "./call-options.js";

/** What a description's init may hold: anything else is checked by a real Request. */
const PLAIN_INIT_KEYS = new Set(["method", "headers", "body", "redirect", "signal"]);

type DescribedInit = RequestInit & { headers: Headers; body?: string };

/**
 * A request as openapi-fetch describes it (its URL and init) without building a Request:
 * the sender hands both to fetch, which builds the one Request it sends (Node's transport,
 * node-http-fetch.ts, builds none). From a Request of openapi-fetch's, fetch would build a
 * second one, copying its headers and following its signal: in the bench, about 9% of a
 * loopback call's CPU.
 */
export class RequestDescription {
  constructor(
    readonly url: string,
    readonly init: DescribedInit,
  ) {}

  get method(): string {
    return this.init.method ?? "GET";
  }

  get headers(): Headers {
    return this.init.headers;
  }

  get body(): string | undefined {
    return this.init.body ?? undefined;
  }

  get signal(): AbortSignal | undefined {
    return this.init.signal ?? undefined;
  }
}

/**
 * What openapi-fetch builds a described call's request with, in place of Request (it calls it
 * with `new`). What fetch could still refuse becomes a real Request at once, so that it throws
 * here, before anything is sent, as it would have: a body that is not a string, a body on a
 * GET or HEAD, any init setting beyond the plain ones.
 */
export const describeRequest = function (url: string, init: RequestInit & { headers: Headers }) {
  const { body, method } = init;
  if (body != null && (typeof body !== "string" || method === "GET" || method === "HEAD")) return new Request(url, init);
  for (const key in init) if (!PLAIN_INIT_KEYS.has(key)) return new Request(url, init);
  return new RequestDescription(url, init as DescribedInit);
} as unknown as typeof Request;

/**
 * Whether a call's request can stay a description: nothing but the sender sees it (no
 * middleware beyond callOptions(), no fetch or Request of the call's own), and its URL is the
 * client's checked base URL followed by a path, which no URL parser refuses.
 */
export function canDescribe(url: string, init: Record<string, unknown>): boolean {
  if (init.fetch !== undefined || init.Request !== undefined || init.baseUrl !== undefined || !url.startsWith("/")) return false;
  const middleware = init.middleware as unknown[] | undefined;
  return middleware === undefined || middleware.every(isPolicyMarker);
}
