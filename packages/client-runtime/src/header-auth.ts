import type { Middleware } from "openapi-fetch";

/**
 * Adds one credential header to every request, e.g. Fastly's `Fastly-Key: <token>`. The value
 * is resolved per request, so a function can rotate it; it is never copied into errors.
 */
export function headerAuth(name: string, value: string | (() => string | Promise<string>)): Middleware {
  return {
    async onRequest({ request }) {
      const resolved = typeof value === "function" ? await value() : value;
      if (!resolved) throw new TypeError(`No credential for the ${name} header: pass a non-empty value.`);
      request.headers.set(name, resolved);
      return request;
    },
  };
}
