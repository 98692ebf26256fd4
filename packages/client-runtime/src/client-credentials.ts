import type { AuthContext, AuthStrategy } from "./auth.js";
import { InvalidResponseError } from "./errors.js";
import { apiErrorFor } from "./status-errors.js";

export interface ClientCredentialsOptions {
  /** The OAuth2 token endpoint, absolute, on the API's origin. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Headers for the token request, e.g. the provider's `Accept`. */
  headers?: Record<string, string>;
  /** Renew this long before the token expires, in ms (at most half a token's life). Default 60 000. */
  renewBeforeExpiry?: number;
}

interface Token {
  value: string;
  renewAt: number;
}

/** Issued tokens kept as secrets after they are replaced: one echoed late is still redacted. */
const REMEMBERED_TOKENS = 4;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) as a step of the client's pipeline: the token
 * request goes through the same door as every call (its timeout, signal, User-Agent, logging and
 * redirect rules), the token is kept until shortly before it expires and shared by concurrent
 * calls, and a 401 renews it for one replay of the call.
 */
export function clientCredentialsAuth(options: ClientCredentialsOptions): AuthStrategy {
  const renewBefore = options.renewBeforeExpiry ?? 60_000;
  const issued: string[] = [];
  let current: Token | undefined;
  let pending: { token: Promise<Token>; signal: AbortSignal } | undefined;

  async function requestToken(context: AuthContext): Promise<Token> {
    const startedAt = Date.now();
    const headers = new Headers({
      Accept: "application/json",
      ...options.headers,
      "Content-Type": "application/x-www-form-urlencoded",
    });
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }).toString();
    const response = await context.send({ method: "POST", url: options.tokenUrl, headers, body });
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      throw apiErrorFor({
        response,
        body: parsed ?? (text || `${response.status} ${response.statusText}`),
        method: "POST",
        url: options.tokenUrl,
        secrets: strategy.secrets(),
      });
    }
    const { access_token: value, expires_in: expiresIn } = (parsed ?? {}) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof value !== "string" || !value || typeof expiresIn !== "number") {
      throw new InvalidResponseError({
        method: "POST",
        url: options.tokenUrl,
        status: response.status,
        reason: "no access_token and expires_in in the token answer",
      });
    }
    // A secret from the moment it arrives.
    issued.unshift(value);
    issued.length = Math.min(issued.length, REMEMBERED_TOKENS);
    const lifetime = expiresIn * 1000;
    // A token living less than twice the margin is still used for half its life, not renewed per call.
    return { value, renewAt: startedAt + lifetime - Math.min(renewBefore, lifetime / 2) };
  }

  async function token(context: AuthContext): Promise<string> {
    for (;;) {
      if (current && Date.now() < current.renewAt) return current.value;
      pending ??= startRequest(context);
      const shared = pending;
      try {
        return (await untilAborted(shared.token, context.signal)).value;
      } catch (error) {
        // Another call's token request ended with that call's abort: this call asks again.
        if (shared.signal !== context.signal && shared.signal.aborted && !context.signal.aborted) continue;
        throw error;
      }
    }
  }

  function startRequest(context: AuthContext) {
    const started = { signal: context.signal, token: requestToken(context).then((token) => (current = token)) };
    const settled = () => {
      if (pending === started) pending = undefined;
    };
    started.token.then(settled, settled);
    return started;
  }

  const strategy: AuthStrategy = {
    headers: ["authorization"],
    secrets: () => [options.clientSecret, ...issued],
    async authorize(request, context) {
      request.headers.set("Authorization", `Bearer ${await token(context)}`);
    },
    refresh(rejected) {
      if (current && rejected.headers.get("authorization") === `Bearer ${current.value}`) current = undefined;
      return true;
    },
  };
  return strategy;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The promise, or the signal's reason as soon as it aborts: a call waiting on another's token request keeps its own timeout. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
