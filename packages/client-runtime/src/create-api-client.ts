import { defaultFetch } from "#default-fetch";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { ApiClient } from "./api-client-types.js";
import { checkBaseUrl } from "./base-url.js";
import type { RequestPolicy } from "./call-options.js";
import { createLog, type LoggingOptions } from "./logging.js";
import { operationMethods } from "./operation-methods.js";
import { withOperationRules, type OperationInfo } from "./operation-rules.js";
import { safePathSerializer } from "./path-params.js";
import { retryingCall, type Call } from "./retrying-call.js";
import { createSender } from "./send-request.js";
import { headerValue, userAgentOf, withHeader } from "./user-agent.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What every provider client accepts besides its credentials. */
export interface ClientConfig extends RequestPolicy, LoggingOptions {
  /** Where requests go; defaults to the first server of the spec. */
  baseUrl?: string;
  /**
   * A fetch implementation (proxies, instrumentation). By default requests go over node:http(s)
   * on Node (see node-http-fetch.ts) and through the global fetch elsewhere; pass
   * `fetch: globalThis.fetch` for Node's own fetch.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers added to every request. A `User-Agent` of your app comes first in the one sent. */
  headers?: Record<string, string>;
  /** Accept a plain-http baseUrl on a non-loopback host. */
  allowInsecureHttp?: boolean;
}

/** What a provider package tells the runtime about its API. */
export interface ApiClientOptions extends ClientConfig {
  /** The spec's first server, used when the caller gives no baseUrl. */
  defaultBaseUrl: string;
  /** The package and its version (`@org/fastly-customers/0.2.0`, generated), for the User-Agent. */
  packageId?: string;
  /**
   * Credential headers of fixed value (a token, HTTP Basic): sent with every request like the
   * default headers, so a call pays nothing for them, and never to another origin on a redirect.
   */
  authHeaders?: Readonly<Record<string, string>>;
  /** Authentication that changes per request (a signature, a renewed token) and other middleware, run in order. */
  middleware?: Middleware[];
  /** The spec's operations (generated): request media types and documented error bodies. */
  operations?: readonly OperationInfo[];
  /** Headers the auth middleware sets: never sent to another origin on a redirect. */
  credentialHeaders?: readonly string[];
  /** Credential values (tokens, secrets) to redact from every error. */
  secrets?: readonly string[];
  /**
   * The request header of the provider's idempotency key (e.g. `Idempotency-Key`), when it has
   * one: each POST and PATCH then carries a key, the same on every attempt, and is retried like a
   * PUT. Without it POST and PATCH are retried only with `retryNonIdempotent`.
   */
  idempotencyHeader?: string;
  /** Response headers carrying the provider's request id, in order of preference. */
  requestIdHeaders?: readonly string[];
  /** Reads the provider's error code from an error body; by default a string `code` field. */
  errorCode?: (body: unknown) => string | undefined;
}

/**
 * The openapi-fetch client every provider package returns: typed by the spec's paths (see
 * api-client-types.ts), with one method per operation (`Methods`, generated), the provider's
 * auth, retries and timeouts, safe path parameters, form bodies where the spec says so, and one
 * error family (see errors.ts).
 */
export function createApiClient<Paths extends {}, Methods extends {} = {}>(options: ApiClientOptions): ApiClient<Paths> & Methods {
  const baseUrl = checkBaseUrl(options.baseUrl ?? options.defaultBaseUrl, options);
  const userFetch = options.fetch;
  const send = createSender({
    fetch: userFetch ? withRequestsHeld(userFetch) : defaultFetch,
    credentialHeaders: [...(options.credentialHeaders ?? []), ...Object.keys(options.authHeaders ?? {})],
    requestIdHeaders: options.requestIdHeaders ?? ["x-request-id", "request-id"],
    errorCode: options.errorCode ?? defaultErrorCode,
    secrets: options.secrets ?? [],
  });
  const client = createClient<Paths>({
    baseUrl,
    Request: RequestOnFirstUse,
    headers: withUserAgent({ Accept: "application/json", ...options.headers, ...options.authHeaders }, options.packageId),
    // Calls go through their attempt's fetch (see retrying-call.ts); this one serves the rest.
    fetch: (request: Request) => send(request),
    pathSerializer: safePathSerializer,
    // The sender follows redirects itself, to keep credentials from other origins.
    redirect: "manual",
  });
  // Mirrors openapi-fetch's own list (the same middleware may be added twice, and eject removes
  // one of it), so that a client whose middleware are all ejected sends descriptions again.
  const middlewareInUse: Middleware[] = [];
  const use = (...middleware: Middleware[]) => {
    client.use(...middleware);
    middlewareInUse.push(...middleware.filter(Boolean));
  };
  const eject = (...middleware: Middleware[]) => {
    client.eject(...middleware);
    for (const one of middleware) {
      const index = middlewareInUse.indexOf(one);
      if (index !== -1) middlewareInUse.splice(index, 1);
    }
  };
  use(...(options.middleware ?? []));
  const log = createLog(options, options.packageId?.slice(0, options.packageId.lastIndexOf("/")));
  const call = retryingCall((method, url, init) => client.request(method as never, url as never, init as never), {
    policy: options,
    send,
    secrets: options.secrets ?? [],
    log,
    idempotencyHeader: options.idempotencyHeader,
    hasMiddleware: () => middlewareInUse.length > 0,
  });
  const operations = options.operations ?? [];
  const calls = withCallerAgent(withOperationRules(call, operations), options.packageId);
  return Object.assign(withCalls({ ...client, use, eject }, calls), operationMethods(calls, operations)) as ApiClient<Paths> & Methods;
}

function withUserAgent(headers: Record<string, string>, packageId: string | undefined): Record<string, string> {
  const agent = userAgentOf(packageId, headerValue(headers, "user-agent"));
  return agent ? withHeader(headers, "user-agent", agent) : headers;
}

/** A call's own User-Agent (openapi-fetch would let it replace the client's) keeps ours after it. */
function withCallerAgent(call: Call, packageId: string | undefined): Call {
  return (method, url, init) => {
    const headers = init?.headers as Record<string, string> | undefined;
    const callerAgent = headerValue(headers, "user-agent");
    return call(method, url, callerAgent === undefined ? init : { ...init, headers: withUserAgent(headers!, packageId) });
  };
}

/**
 * The caller's fetch, handed a Request of the attempt's URL, init and signal. That Request
 * follows the signal only through a WeakRef (undici's Request constructor), so it is held here
 * until the caller's fetch settles: one that nothing else held (a test double, a wrapper awaiting
 * a promise) could otherwise be collected, and the timeout's abort would never reach it.
 */
function withRequestsHeld(userFetch: (request: Request) => Promise<Response>): (input: Request | string, init?: RequestInit) => Promise<Response> {
  const pending = new Set<Request>();
  return async (input, init) => {
    const request = typeof input === "string" || init ? new Request(input, init) : input;
    pending.add(request);
    try {
      return await userFetch(request);
    } finally {
      pending.delete(request);
    }
  };
}

/**
 * openapi-fetch reads `globalThis.Request` when a client is created, which makes Node load its
 * whole fetch stack (about 50 ms) even if no call is ever made; this defers it to the first call.
 */
const RequestOnFirstUse = function (input: RequestInfo | URL, init?: RequestInit) {
  return new Request(input, init);
} as unknown as typeof Request;
// openapi-fetch checks what a middleware returns with `instanceof` this constructor.
Object.defineProperty(RequestOnFirstUse, Symbol.hasInstance, { value: (value: unknown) => value instanceof Request });

/** `code`, or OAuth 2's `error` (RFC 6749 §5.2: `{ "error": "invalid_client", ... }`). */
function defaultErrorCode(body: unknown): string | undefined {
  const { code, error } = (body ?? {}) as { code?: unknown; error?: unknown };
  if (typeof code === "string") return code;
  return typeof error === "string" ? error : undefined;
}

/** The client with every method (`GET` … `TRACE`, `request`) going through `call`. */
function withCalls<Paths extends {}>(client: Client<Paths>, call: Call): ApiClient<Paths> {
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of METHODS) wrapped[method] = (url: string, init?: Record<string, unknown>) => call(method, url, init);
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) => call(method.toUpperCase(), url, init);
  return wrapped as unknown as ApiClient<Paths>;
}
