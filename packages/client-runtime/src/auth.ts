/** A request on its way out, as every step of the pipeline sees it: auth sets its headers. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** The exact bytes sent (kept, so a redirect or a replay sends them again and a signature covers them). */
  readonly body?: ArrayBuffer | string | undefined;
}

/** What an auth strategy may use while it authorizes a request. */
export interface AuthContext {
  /**
   * Sends a request of the strategy's own (a token request) through the client's pipeline,
   * under the call's signal and timeout, without credentials, refusing redirects to another origin.
   */
  send(request: HttpRequest): Promise<Response>;
  /** The call's signal (its timeout and the caller's abort). */
  readonly signal: AbortSignal;
}

/**
 * How a scheme puts credentials on a request. The pipeline calls `authorize` for every request
 * to the API's origin (each attempt, each same-origin redirect, each replay) and never for
 * another origin, where the `headers` named here are removed.
 */
export interface AuthStrategy {
  /** The request headers that carry credentials. */
  readonly headers: readonly string[];
  /** Every value to keep out of errors and logs, read when one is built: an issued token joins it when it arrives. */
  secrets(): readonly string[];
  authorize(request: HttpRequest, context: AuthContext): void | Promise<void>;
  /** After a 401: whether the request is worth sending once more (a token renewed); forgets what it rejected. */
  refresh?(rejected: HttpRequest): boolean;
}

export const noAuth: AuthStrategy = { headers: [], secrets: () => [], authorize: () => undefined };

/** Credentials of fixed value: a token header (Fastly's `Fastly-Key`), HTTP Basic, a known bearer token. */
export function headerAuth(
  headers: Readonly<Record<string, string>>,
  secrets: readonly string[] = Object.values(headers),
): AuthStrategy {
  for (const [name, value] of Object.entries(headers)) checkCredential(name, value);
  const entries = Object.entries(headers);
  return {
    headers: Object.keys(headers),
    secrets: () => secrets,
    authorize(request) {
      for (const [name, value] of entries) request.headers.set(name, value);
    },
  };
}

/**
 * Refuses a credential no header can carry, naming the header and never the value (fetch's own
 * error would quote it).
 */
export function checkCredential(header: string, value: string): void {
  if (!value) throw new TypeError(`No credential for the ${header} header: pass a non-empty value.`);
  if (/[\0\r\n]/.test(value) || value !== value.trim() || [...value].some((char) => char.charCodeAt(0) > 255)) {
    throw new TypeError(
      `The credential for the ${header} header is not a valid header value (a line break, surrounding space or a character outside Latin-1); check how it was copied.`,
    );
  }
}
