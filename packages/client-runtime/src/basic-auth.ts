import { headerAuth, type AuthStrategy } from "./auth.js";

/**
 * The `Authorization` value of HTTP Basic auth. The pair is UTF-8 encoded first, so names and
 * passwords outside Latin-1 work (plain `btoa` would throw on them).
 */
export function basicAuthorization(username: string, password: string): string {
  if (username.includes(":")) throw new TypeError("A Basic auth username cannot contain ':'.");
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** HTTP Basic auth as a strategy: the password and the encoded pair are secrets. */
export function basicAuth(username: string, password: string): AuthStrategy {
  const authorization = basicAuthorization(username, password);
  return headerAuth({ Authorization: authorization }, [password, authorization.slice("Basic ".length)]);
}
