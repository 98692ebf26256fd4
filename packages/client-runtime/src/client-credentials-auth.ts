import type { Middleware } from "openapi-fetch";
import { ApiError, InvalidResponseError } from "./errors.js";
import { redactSecrets } from "./redact.js";

export interface ClientCredentialsOptions {
  /** The OAuth2 token endpoint, absolute. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Headers for the token request, e.g. the provider's `Accept`. */
  headers?: Record<string, string>;
  /** The fetch to reach the token endpoint with; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Renew this long before the token expires, in ms. Default 60 000. */
  renewBeforeExpiry?: number;
  /** Give up on the token endpoint after this long, in ms. Default 30 000. */
  timeout?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * OAuth2 client-credentials auth as middleware: fetches a token from the token endpoint, caches
 * it until shortly before it expires, shares one token request among concurrent calls, and
 * retries a call once with a fresh token when the API answers 401 (a token revoked early).
 */
export function clientCredentialsAuth(options: ClientCredentialsOptions): Middleware {
  const renewBefore = options.renewBeforeExpiry ?? 60_000;
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;
  const replays = new WeakMap<Request, Request>();
  const retries = new WeakSet<Request>();

  function currentToken(): Promise<CachedToken> {
    if (cached && Date.now() < cached.expiresAt - renewBefore) return Promise.resolve(cached);
    pending ??= requestToken(options)
      .then((token) => (cached = token))
      .finally(() => (pending = undefined));
    return pending;
  }

  return {
    async onRequest({ request }) {
      const token = await currentToken();
      request.headers.set("Authorization", `Bearer ${token.value}`);
      if (!retries.has(request)) replays.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response, options: fetchOptions }) {
      const replay = replays.get(request);
      if (response.status !== 401 || !replay) return undefined;
      replays.delete(request);
      if (cached && request.headers.get("Authorization") === `Bearer ${cached.value}`) cached = undefined;
      const token = await currentToken();
      await response.body?.cancel();
      replay.headers.set("Authorization", `Bearer ${token.value}`);
      retries.add(replay);
      // The call's own fetch: the replay belongs to the same attempt (its timeout and the
      // caller's signal apply).
      return fetchOptions.fetch(replay);
    },
  };
}

async function requestToken(options: ClientCredentialsOptions): Promise<CachedToken> {
  const secrets = [options.clientSecret];
  const request = new Request(options.tokenUrl, {
    method: "POST",
    headers: { Accept: "application/json", ...options.headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret }).toString(),
    signal: AbortSignal.timeout(options.timeout ?? 30_000),
  });
  const startedAt = Date.now();
  const response = await (options.fetch ?? ((input: Request) => fetch(input)))(request);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text for the error.
  }
  if (!response.ok) {
    throw new ApiError({ status: response.status, statusText: response.statusText, method: "POST", url: options.tokenUrl, body: redactSecrets(body, secrets) });
  }
  const { access_token: value, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (typeof value !== "string" || typeof expiresIn !== "number") {
    throw new InvalidResponseError({ method: "POST", url: options.tokenUrl, status: response.status, reason: "no access_token and expires_in in the token answer" });
  }
  return { value, expiresAt: startedAt + expiresIn * 1000 };
}
