const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks a client's base URL: it must be absolute http(s), and plain http is accepted only
 * for loopback hosts (local mocks) unless the caller allows it, so a token is not sent in
 * clear text by mistake. Returns it without a trailing slash.
 */
export function checkBaseUrl(baseUrl: string, options: { allowInsecureHttp?: boolean | undefined } = {}): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL; pass e.g. "https://api.example.com".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl "${baseUrl}" must use https (or http for a local mock), not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TypeError(
      `baseUrl "${url.protocol}//${url.host}${url.pathname}" carries credentials in its userinfo; pass them as the client's credentials instead.`,
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith("127.");
  if (url.protocol === "http:" && !loopback && !options.allowInsecureHttp) {
    throw new TypeError(
      `baseUrl "${baseUrl}" uses plain http to a non-local host; use https, or pass allowInsecureHttp: true if you really mean it.`,
    );
  }
  return baseUrl.replace(/\/+$/, "");
}
