import { checkCredential, type AuthStrategy } from "@org/client-runtime";

/** The credentials of a CyberSource HTTP Signature: merchant id, shared key id and its secret. */
export interface SignatureCredentials {
  merchantId: string;
  /** The id of the shared secret key ("Key" in the Business Center). */
  keyId: string;
  /** The shared secret, base64 as the Business Center shows it. */
  sharedSecret: string;
}

export interface SignatureInput {
  method: string;
  /** The full request URL: its host and path (with query) are signed. */
  url: string;
  /** The exact body bytes sent; POST, PUT and PATCH carry their digest. */
  body?: Uint8Array<ArrayBuffer> | undefined;
  /** The `date` header's value, an RFC 7231 HTTP-date. */
  date: string;
}

/** The headers CyberSource reads to authenticate a request. */
export interface SignatureHeaders {
  "v-c-merchant-id": string;
  date: string;
  host: string;
  digest?: string;
  signature: string;
}

const WITH_DIGEST = new Set(["POST", "PUT", "PATCH"]);

/**
 * Signs a request the way CyberSource's SDKs do: the signing string is the lines
 * `host`, `date`, `request-target`, `digest` (POST/PUT/PATCH) and `v-c-merchant-id`, joined
 * with `\n`; the signature is base64(HMAC-SHA256(base64-decoded secret, signing string)).
 * Uses Web Crypto, so it runs in Node 20+ and other fetch runtimes alike.
 */
export function signRequest(input: SignatureInput, credentials: SignatureCredentials): Promise<SignatureHeaders> {
  return signWithKey(input, credentials, hmacKey(credentials.sharedSecret));
}

async function signWithKey(
  input: SignatureInput,
  credentials: SignatureCredentials,
  key: Promise<CryptoKey>,
): Promise<SignatureHeaders> {
  const url = new URL(input.url);
  const method = input.method.toUpperCase();
  const digest = WITH_DIGEST.has(method)
    ? `SHA-256=${toBase64(await crypto.subtle.digest("SHA-256", input.body ?? new Uint8Array(0)))}`
    : undefined;
  const lines: [string, string][] = [
    ["host", url.host],
    ["date", input.date],
    ["request-target", `${method.toLowerCase()} ${url.pathname}${url.search}`],
    ...(digest ? ([["digest", digest]] as [string, string][]) : []),
    ["v-c-merchant-id", credentials.merchantId],
  ];
  const signingString = lines.map(([name, value]) => `${name}: ${value}`).join("\n");
  const mac = await crypto.subtle.sign("HMAC", await key, new TextEncoder().encode(signingString));
  const signature = `keyid="${credentials.keyId}", algorithm="HmacSHA256", headers="${lines.map(([name]) => name).join(" ")}", signature="${toBase64(mac)}"`;
  return {
    "v-c-merchant-id": credentials.merchantId,
    date: input.date,
    host: url.host,
    ...(digest ? { digest } : {}),
    signature,
  };
}

/**
 * The client's auth strategy: signs every request to CyberSource just before it is sent (each
 * attempt, redirect and replay afresh), over the exact body bytes sent. `host` is signed from
 * the URL; fetch sends that same Host itself.
 */
export function httpSignatureAuth(credentials: SignatureCredentials, now: () => Date = () => new Date()): AuthStrategy {
  secretBytes(credentials.sharedSecret);
  checkCredential("v-c-merchant-id", credentials.merchantId);
  checkCredential("signature", credentials.keyId);
  // Importing the key is a trip to the crypto thread pool: once per client, on its first request.
  let key: Promise<CryptoKey> | undefined;
  return {
    headers: ["signature", "digest", "v-c-merchant-id"],
    secrets: () => [credentials.sharedSecret],
    async authorize(request) {
      const body =
        typeof request.body === "string"
          ? new TextEncoder().encode(request.body)
          : request.body
            ? new Uint8Array(request.body)
            : undefined;
      key ??= hmacKey(credentials.sharedSecret);
      const signed = await signWithKey(
        { method: request.method, url: request.url, body, date: now().toUTCString() },
        credentials,
        key,
      );
      for (const [name, value] of Object.entries(signed))
        if (name !== "host" && value) request.headers.set(name, value);
    },
  };
}

function hmacKey(sharedSecret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", secretBytes(sharedSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** The shared secret's key bytes; a secret that is not base64 is refused up front. */
function secretBytes(sharedSecret: string): Uint8Array<ArrayBuffer> {
  if (!sharedSecret || !/^[A-Za-z0-9+/]+={0,2}$/.test(sharedSecret)) {
    throw new TypeError("sharedSecret must be the base64 shared secret key from the CyberSource Business Center.");
  }
  return Uint8Array.from(atob(sharedSecret), (char) => char.charCodeAt(0));
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}
