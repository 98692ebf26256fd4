import type { AuthStrategy, HttpRequest } from "./auth.js";
import { limitBody } from "./body-limit.js";
import { ConnectionError, RedirectError, ResponseTooLargeError, safeCause } from "./errors.js";
import type { Log } from "./logging.js";
import { redactSecrets } from "./redact.js";
import { userAgentOf } from "./user-agent.js";

/** What the pipeline hands fetch for each request: these, and the client's fetchOptions. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: ArrayBuffer | string;
  signal: AbortSignal;
  redirect: "manual";
}

/**
 * The fetch the pipeline sends with: the platform's global `fetch`, undici's, or a wrapper of
 * either. It resolves to a WHATWG Response; the type leaves that open because undici's and the
 * DOM's Response types differ (in their streams' generics), though they are one at run time.
 */
export type FetchLike = (input: string, init: FetchInit) => Promise<object>;

/** Extra `fetch` init merged into every request the client sends, e.g. `{ dispatcher }` (undici) for a proxy, a CA or a pool. */
export type FetchOptions = Omit<RequestInit, "method" | "headers" | "body" | "signal" | "redirect"> &
  Record<string, unknown>;

/** One attempt of a call, as the exchange needs it. */
export interface Attempt {
  /** Aborted by the attempt's timeout or by the caller's signal. */
  readonly signal: AbortSignal;
  /** The call's own fetch, when it passed one. */
  readonly fetch?: FetchLike | undefined;
  readonly maxResponseBytes: number;
  /** Whether the body is handed to the caller as a stream (`parseAs: "stream"`). */
  readonly streamed: boolean;
  /** 1 for the first attempt. */
  readonly number: number;
  /** The URL of the attempt's request, once openapi-fetch has built it. */
  url?: string;
  /** The answer the attempt got, set once it arrives: errors about its body name its status. */
  response?: Response;
}

export interface ExchangeSettings {
  /** The user's fetch; the platform's global fetch, looked up per request, when undefined. */
  fetch?: FetchLike | undefined;
  fetchOptions?: FetchOptions | undefined;
  /** The API's origin: the only one that gets credentials. */
  origin: string;
  auth: AuthStrategy;
  /** `@org/fastly-customers/0.2.0`, for the User-Agent. */
  packageId?: string | undefined;
  log?: Log | undefined;
}

/** Sends one request of an attempt and returns its final answer: see createExchange. */
export type Exchange = (request: HttpRequest, attempt: Attempt) => Promise<Response>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ALWAYS_CREDENTIALS = ["authorization", "proxy-authorization", "cookie"];
const MAX_REDIRECTS = 5;

/** How a request is sent: API calls carry credentials; a token request carries its own and never leaves the origin. */
interface Route {
  authorize: boolean;
  crossOrigin: "without-credentials" | "refused";
}
const API_CALL: Route = { authorize: true, crossOrigin: "without-credentials" };
const TOKEN_REQUEST: Route = { authorize: false, crossOrigin: "refused" };

/**
 * The one door every request goes through (calls, token requests, redirects, replays): the
 * User-Agent, the credentials of the auth strategy for the API's origin only, the user's fetch
 * options, redirects followed by hand (http(s) only, credentials dropped on leaving the origin,
 * at most five), one replay after a 401 when the strategy can renew, a limit on the body, a
 * debug log line per request, and a ConnectionError when no answer comes.
 */
export function createExchange(settings: ExchangeSettings): Exchange {
  const { auth, log } = settings;
  const shown = (url: string) => redactSecrets(url, auth.secrets());
  const ownAgent = userAgentOf(settings.packageId, undefined);
  const originPrefix = `${settings.origin}/`;
  const toOrigin = (url: string) => url.startsWith(originPrefix) || new URL(url).origin === settings.origin;

  async function exchange(request: HttpRequest, attempt: Attempt, route: Route = API_CALL): Promise<Response> {
    const callerAgent = request.headers.get("user-agent");
    const agent = callerAgent === null ? ownAgent : userAgentOf(settings.packageId, callerAgent);
    if (agent) request.headers.set("user-agent", agent);
    const context = { signal: attempt.signal, send: (own: HttpRequest) => exchange(own, attempt, TOKEN_REQUEST) };
    let current = request;
    let replayed = false;
    for (let redirects = 0; ; ) {
      const authorized = route.authorize && toOrigin(current.url);
      if (authorized) await auth.authorize(current, context);
      const response = await send(current, attempt);
      if (REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect") {
        if (++redirects > MAX_REDIRECTS) throw redirectError(current, response, `more than ${MAX_REDIRECTS} redirects`);
        current = redirected(current, response, route);
        continue;
      }
      if (response.status === 401 && authorized && !replayed && auth.refresh?.(current)) {
        replayed = true;
        await response.body?.cancel();
        continue;
      }
      attempt.response = response;
      const tooLarge = () =>
        new ResponseTooLargeError({
          method: current.method,
          url: shown(current.url),
          status: response.status,
          maxResponseBytes: attempt.maxResponseBytes,
        });
      return limitBody(response, attempt.maxResponseBytes, tooLarge, attempt.streamed);
    }
  }

  async function send(request: HttpRequest, attempt: Attempt): Promise<Response> {
    const fetch = attempt.fetch ?? settings.fetch ?? globalThis.fetch;
    const began = log ? performance.now() : 0;
    const { method, url, headers, body } = request;
    const logged = (outcome: { status: number } | { error: string }) =>
      log?.exchange({
        method,
        url: shown(url),
        attempt: attempt.number,
        durationMs: Math.round(performance.now() - began),
        ...outcome,
      });
    try {
      const init: FetchInit = {
        ...settings.fetchOptions,
        method,
        headers: Object.fromEntries(headers),
        signal: attempt.signal,
        redirect: "manual",
      };
      if (body !== undefined) init.body = body;
      const response = (await fetch(url, init)) as Response;
      logged({ status: response.status });
      return response;
    } catch (error) {
      // An abort (the timeout or the caller) is told apart by the call, which knows which it was.
      if (attempt.signal.aborted) throw error;
      const secrets = auth.secrets();
      const failure = new ConnectionError({ method, url: shown(url), cause: safeCause(error, secrets) });
      logged({ error: failure.message });
      throw failure;
    }
  }

  /** The request a redirect asks for, or a RedirectError when this client does not follow it. */
  function redirected(previous: HttpRequest, response: Response, route: Route): HttpRequest {
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect" || !location)
      throw redirectError(previous, response, "the runtime does not reveal where to; set baseUrl to the final address");
    const target = new URL(location, previous.url);
    if (target.protocol !== "https:" && target.protocol !== "http:")
      throw redirectError(previous, response, `it leads to a ${target.protocol} URL`);
    void response.body?.cancel();
    const leaves = target.origin !== new URL(previous.url).origin;
    if (leaves && route.crossOrigin === "refused")
      throw redirectError(previous, response, `a credentials request never leaves ${new URL(previous.url).origin}`);
    const headers = new Headers(previous.headers);
    if (leaves) for (const name of [...auth.headers, ...ALWAYS_CREDENTIALS]) headers.delete(name);
    const becomesGet =
      response.status === 303 || ((response.status === 301 || response.status === 302) && previous.method === "POST");
    if (becomesGet) {
      headers.delete("content-type");
      headers.delete("content-length");
    }
    return {
      method: becomesGet && previous.method !== "HEAD" ? "GET" : previous.method,
      url: target.href,
      headers,
      body: becomesGet ? undefined : previous.body,
    };
  }

  function redirectError(request: HttpRequest, response: Response, reason: string): RedirectError {
    void response.body?.cancel();
    return new RedirectError({ method: request.method, url: shown(request.url), status: response.status, reason });
  }

  return exchange;
}
