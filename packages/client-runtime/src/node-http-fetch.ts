/// <reference types="node" />
import type { IncomingMessage, request } from "node:http";
import { bodyStream, decoded } from "./node-response-body.js";
import type { SendFetch } from "./send-request.js";

// Loaded by the first request: on Node 22 and later node:http loads Node's fetch stack (about
// 25 ms), which creating a client should not.
let httpRequest: typeof request | undefined;
let httpsRequest: typeof request | undefined;

/** Statuses whose Response must have a null body (Fetch standard; 101 and 103 never get this far). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The clients' fetch on Node: one request over node:http(s) and its keep-alive agent, answered
 * with a standard Response. Node 20's own fetch registers every Response (and every Request
 * that follows a signal) in a FinalizationRegistry, which V8's young-generation collections
 * treat as alive: each call's objects outlive it into the old generation (about 11 kB a call in
 * the bench), and the longer collections that clear them set the slow tail of every call. Here
 * nothing is registered, so a call's objects die young.
 *
 * What the sender needs of fetch, as fetch does it: redirects are answered as they are (the
 * sender follows them), bodies are decoded (gzip, deflate, br), the signal aborts the request
 * and the body with its reason, and a request that gets no answer rejects with
 * `TypeError("fetch failed", { cause })`. Other URL schemes go to the global fetch.
 */
export const nodeHttpFetch: SendFetch = async (input, init) => {
  const request = typeof input === "string" ? undefined : input;
  const url = new URL(request?.url ?? (input as string));
  if (url.protocol !== "http:" && url.protocol !== "https:") return fetch(input, init);
  if (url.username || url.password) throw new TypeError("Request cannot be constructed from a URL that includes credentials");
  const signal = init && "signal" in init ? init.signal : request?.signal;
  signal?.throwIfAborted();
  const method = normalisedMethod(init?.method ?? request?.method ?? "GET");
  const headers = headerRecord(init?.headers ?? request?.headers);
  const body = await bodyBytes(init && "body" in init ? init.body : request?.body ? await request.arrayBuffer() : undefined, headers);
  if (body && (method === "GET" || method === "HEAD")) throw new TypeError("Request with GET/HEAD method cannot have body.");
  withDefaultHeaders(headers, url, method, body);
  const send = url.protocol === "https:" ? (httpsRequest ??= (await import("node:https")).request) : (httpRequest ??= (await import("node:http")).request);
  return new Promise<Response>((resolve, reject) => {
    // The signal may have fired while the body was read or node:http loaded: no listener would hear it.
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      outgoing.destroy();
      reject(signal!.reason);
    };
    const outgoing = send(url, { method, headers }, (incoming) => {
      try {
        resolve(responseOf(incoming, url, method, signal, onAbort));
      } catch (error) {
        incoming.destroy();
        signal?.removeEventListener("abort", onAbort);
        reject(new TypeError("fetch failed", { cause: error }));
      }
    });
    outgoing.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(new TypeError("fetch failed", { cause: error }));
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    outgoing.end(body);
  });
};

/** The answer as a Response whose body streams from the socket; the signal still aborts it. */
function responseOf(incoming: IncomingMessage, url: URL, method: string, signal: AbortSignal | null | undefined, onAbortRequest: () => void): Response {
  const status = incoming.statusCode!;
  // Checked before the body listens to the signal: Response refuses any other status.
  if (status < 200 || status > 599) throw new RangeError(`status ${status} is not in the range of 200 to 599`);
  const headers: [string, string][] = [];
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
  const hasBody = method !== "HEAD" && !NULL_BODY_STATUSES.has(status);
  const init = { status, statusText: incoming.statusMessage ?? "", headers };
  if (!hasBody) {
    signal?.removeEventListener("abort", onAbortRequest);
    // Nothing reads it: drained so the connection serves the next request, and no error of it is thrown.
    incoming.on("error", () => undefined).resume();
    return withUrl(new Response(null, init), url);
  }
  const response = new Response(bodyStream(decoded(incoming), incoming, signal, onAbortRequest), init);
  return withUrl(response, url);
}

const NORMALISED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/** Fetch upper-cases these six methods only; any other (`patch`) is sent as written. */
function normalisedMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALISED_METHODS.has(upper) ? upper : method;
}

/** The request's headers by lower-case name, as fetch would send them (a Headers normalises them). */
function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers) (headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => void (record[name] = value));
  return record;
}

/** The body as bytes, with the Content-Type fetch would give it when the headers set none. */
async function bodyBytes(body: BodyInit | null | undefined, headers: Record<string, string>): Promise<Uint8Array | undefined> {
  if (body == null) return undefined;
  if (typeof body === "string") {
    headers["content-type"] ??= "text/plain;charset=UTF-8";
    return Buffer.from(body);
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // FormData, Blob, URLSearchParams, a stream: serialised by the same code as fetch's.
  const serialised = new Response(body);
  const type = serialised.headers.get("content-type");
  if (type !== null) headers["content-type"] ??= type;
  return new Uint8Array(await serialised.arrayBuffer());
}

/** What fetch adds when the request does not say: Accept, User-Agent, Accept-Encoding, Content-Length. */
function withDefaultHeaders(headers: Record<string, string>, url: URL, method: string, body: Uint8Array | undefined): void {
  headers["accept"] ??= "*/*";
  headers["user-agent"] ??= "node";
  headers["accept-encoding"] ??= url.protocol === "https:" ? "br, gzip, deflate" : "gzip, deflate";
  if (body) headers["content-length"] = String(body.byteLength);
  else if (method === "POST" || method === "PUT" || method === "PATCH") headers["content-length"] = "0";
}

/** A constructed Response has an empty `url`; fetch's has the request's, without its fragment. */
function withUrl(response: Response, url: URL): Response {
  return Object.defineProperty(response, "url", { value: url.hash ? url.href.slice(0, -url.hash.length) : url.href });
}

/** What `#default-fetch` (package.json `imports`) gives the runtime on Node. */
export { nodeHttpFetch as defaultFetch };
