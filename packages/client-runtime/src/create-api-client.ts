import createClient, { type Client } from "openapi-fetch";
import type { ApiClient } from "./api-client-types.js";
import { noAuth, type AuthStrategy } from "./auth.js";
import { checkBaseUrl } from "./base-url.js";
import { createCall, type Call } from "./call.js";
import { createExchange, type FetchLike, type FetchOptions } from "./exchange.js";
import { createLog, type LoggingOptions } from "./logging.js";
import { operationMethods } from "./operation-methods.js";
import type { OperationInfo } from "./operation-rules.js";
import { safePathSerializer } from "./path-params.js";
import type { RequestPolicy } from "./policy.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What every provider client accepts besides its credentials. */
export interface ClientConfig extends RequestPolicy, LoggingOptions {
  /** Where requests go; defaults to the first server of the spec. */
  baseUrl?: string | undefined;
  /**
   * The fetch every request is sent with (instrumentation, a test double, undici's own `fetch`);
   * default: the platform's global `fetch`, looked up at each request.
   */
  fetch?: FetchLike | undefined;
  /**
   * Merged into the init of every request the client sends, token requests included: on Node,
   * `{ dispatcher }` (an undici `ProxyAgent`, or an `Agent` with a CA or a pool size).
   */
  fetchOptions?: FetchOptions | undefined;
  /** Headers added to every request. A `User-Agent` of your app comes first in the one sent. */
  headers?: Record<string, string> | undefined;
  /** Accept a plain-http baseUrl on a non-loopback host. */
  allowInsecureHttp?: boolean | undefined;
}

/** What a provider package tells the runtime about its API. */
export interface ApiClientOptions extends ClientConfig {
  /** The spec's first server, used when the caller gives no baseUrl. */
  defaultBaseUrl: string;
  /** The package and its version (`@org/fastly-customers/0.2.0`, generated), for the User-Agent. */
  packageId?: string | undefined;
  /** How requests get their credentials (see auth.ts); none by default. */
  auth?: AuthStrategy | undefined;
  /** The spec's operations (generated): request media types and documented error bodies. */
  operations?: readonly OperationInfo[] | undefined;
  /**
   * The request header of the provider's idempotency key (e.g. `Idempotency-Key`), when it has
   * one: each POST and PATCH then carries a key, the same on every attempt, and is retried like a
   * PUT. Without it POST and PATCH are retried only with `retryNonIdempotent`.
   */
  idempotencyHeader?: string | undefined;
  /** Response headers carrying the provider's request id, in order of preference. */
  requestIdHeaders?: readonly string[] | undefined;
  /** Reads the provider's error code from an error body; by default a string `code` field (or OAuth 2's `error`). */
  errorCode?: ((body: unknown) => string | undefined) | undefined;
}

/**
 * The openapi-fetch client every provider package returns: typed by the spec's paths (see
 * api-client-types.ts), with one method per operation (`Methods`, generated). A call goes
 * call.ts (policy, retries, timeout, signal) → openapi-fetch (request, user middleware, parsing)
 * → exchange.ts (auth, redirects, body limit, logging) → fetch.
 */
export function createApiClient<Paths extends {}, Methods extends {} = {}>(
  options: ApiClientOptions,
): ApiClient<Paths> & Methods {
  const baseUrl = checkBaseUrl(options.baseUrl ?? options.defaultBaseUrl, options);
  const auth = options.auth ?? noAuth;
  const log = createLog(options, options.packageId?.slice(0, options.packageId.lastIndexOf("/")));
  const client = createClient<Paths>({
    baseUrl,
    headers: { Accept: "application/json", ...options.headers },
    pathSerializer: safePathSerializer,
  });
  const exchange = createExchange({
    fetch: options.fetch,
    fetchOptions: options.fetchOptions,
    origin: new URL(baseUrl).origin,
    auth,
    packageId: options.packageId,
    log,
  });
  const call = createCall({
    client,
    exchange,
    policy: options,
    operations: options.operations ?? [],
    secrets: () => auth.secrets(),
    requestIdHeaders: options.requestIdHeaders ?? ["x-request-id", "request-id"],
    errorCode: options.errorCode,
    idempotencyHeader: options.idempotencyHeader,
    log,
  });
  return Object.assign(withCalls(client, call), operationMethods(call, options.operations ?? [])) as ApiClient<Paths> &
    Methods;
}

/** The client with every method (`GET` … `TRACE`, `request`) going through `call`; `use` and `eject` as openapi-fetch has them. */
function withCalls<Paths extends {}>(client: Client<Paths>, call: Call): ApiClient<Paths> {
  const wrapped: Record<string, unknown> = { use: client.use, eject: client.eject };
  for (const method of METHODS)
    wrapped[method] = (url: string, init?: Record<string, unknown>) => call(method, url, init);
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
    call(method.toUpperCase(), url, init);
  return wrapped as unknown as ApiClient<Paths>;
}
