import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import { checkBaseUrl } from "./base-url.js";
import { ConnectionError } from "./errors.js";
import { encodeFormBody } from "./form-body.js";
import { recordRequestMethod } from "./unwrap.js";

const FORM = "application/x-www-form-urlencoded";
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What every provider client accepts besides its credentials. */
export interface ClientConfig {
  /** Where requests go; defaults to the first server of the spec. */
  baseUrl?: string;
  /** A fetch implementation (tests, proxies, instrumentation); defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers added to every request, e.g. a User-Agent of your app. */
  headers?: Record<string, string>;
  /** Accept a plain-http baseUrl on a non-loopback host. */
  allowInsecureHttp?: boolean;
}

export interface ApiClientOptions extends ClientConfig {
  /** The spec's first server, used when the caller gives no baseUrl. */
  defaultBaseUrl: string;
  /** Authentication and other middleware, run in order on every request. */
  middleware?: Middleware[];
  /** Request media types other than JSON, by `METHOD /path` (generated from the spec). */
  requestMediaTypes?: Readonly<Record<string, string>>;
}

/**
 * The openapi-fetch client every provider package returns: typed by the spec's paths, with
 * the provider's auth, form bodies where the spec says so, and ConnectionError on no answer.
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): Client<Paths> {
  const baseUrl = checkBaseUrl(options.baseUrl ?? options.defaultBaseUrl, options);
  const clientOptions: ClientOptions = {
    baseUrl,
    headers: { Accept: "application/json", ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const client = createClient<Paths>(clientOptions);
  client.use(...(options.middleware ?? []), connectionErrors);
  return withRequestMediaTypes(client, options.requestMediaTypes ?? {});
}

/** Turns fetch's bare TypeError into a ConnectionError naming the request, and tags responses. */
const connectionErrors: Middleware = {
  onError({ request, error }) {
    if (error instanceof DOMException && error.name === "AbortError") return error;
    return new ConnectionError({ method: request.method, url: request.url, cause: error });
  },
  onResponse({ request, response }) {
    recordRequestMethod(response, request.method);
    return undefined;
  },
};

/**
 * openapi-fetch sends JSON unless the caller sets the exact form Content-Type by hand; this
 * makes every operation whose spec body is a form send one, with fields encoded as forms are.
 */
function withRequestMediaTypes<Paths extends {}>(client: Client<Paths>, mediaTypes: Readonly<Record<string, string>>): Client<Paths> {
  if (Object.keys(mediaTypes).length === 0) return client;
  const wrapped = { ...client } as Record<string, unknown>;
  const call = client as unknown as Record<string, (url: string, init?: Record<string, unknown>) => unknown>;
  for (const method of METHODS) {
    wrapped[method] = (url: string, init?: Record<string, unknown>) => call[method]!(url, withMediaType(mediaTypes[`${method} ${url}`], init));
  }
  wrapped.request = (method: string, url: string, init?: Record<string, unknown>) =>
    client.request(method as never, url as never, withMediaType(mediaTypes[`${method.toUpperCase()} ${url}`], init) as never);
  return wrapped as unknown as Client<Paths>;
}

function withMediaType(mediaType: string | undefined, init: Record<string, unknown> = {}): Record<string, unknown> {
  if (mediaType !== FORM || init.body === undefined || init.bodySerializer) return init;
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), "Content-Type": FORM },
    bodySerializer: encodeFormBody,
  };
}
