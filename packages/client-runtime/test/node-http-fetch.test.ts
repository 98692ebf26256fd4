import { randomBytes } from "node:crypto";
import { getEventListeners } from "node:events";
import { readFileSync } from "node:fs";
import { globalAgent as httpAgent, type ServerResponse } from "node:http";
import { globalAgent as httpsAgent } from "node:https";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHttpFetch } from "../src/node-http-fetch.js";
import { startTestServer } from "./test-server.js";

// Node's transport against a real server: what the sender relies on fetch for, done the same way.
const JSON_BODY = JSON.stringify({ id: "c1", name: "Ünïcode" });
// Compresses poorly, so that the inflater gives it out over many chunks, some after the input ends.
const LARGE_TEXT = randomBytes(3 * 1024 * 1024).toString("base64");
const routes: Record<string, (response: ServerResponse) => void> = {
  "/json": (response) => response.writeHead(200, "Fine", [["content-type", "application/json"], ["set-cookie", "a=1"], ["set-cookie", "b=2"]]).end(JSON_BODY),
  "/gzip": (response) => response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(JSON_BODY)),
  "/x-gzip": (response) => response.writeHead(200, { "content-encoding": "x-gzip" }).end(gzipSync(JSON_BODY)),
  "/deflate": (response) => response.writeHead(200, { "content-encoding": "deflate" }).end(deflateSync(JSON_BODY)),
  "/deflate-raw": (response) => response.writeHead(200, { "content-encoding": "deflate" }).end(deflateRawSync(JSON_BODY)),
  "/deflate-raw-large": (response) => response.writeHead(200, { "content-encoding": "deflate" }).end(deflateRawSync(LARGE_TEXT)),
  "/br": (response) => response.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync(JSON_BODY)),
  "/gzip-then-br": (response) => response.writeHead(200, { "content-encoding": "gzip, br" }).end(brotliCompressSync(gzipSync(JSON_BODY))),
  "/unknown-coding": (response) => response.writeHead(200, { "content-encoding": "zstd" }).end("as sent"),
  "/broken-gzip": (response) => response.writeHead(200, { "content-encoding": "gzip" }).end(Buffer.from("not gzip at all")),
  "/empty": (response) => response.writeHead(204).end(),
  "/moved": (response) => response.writeHead(302, { location: "/json" }).end("see /json"),
  "/odd-status": (response) => response.writeHead(600).end(),
  "/stall": () => undefined,
  "/stall-body": (response) => void response.writeHead(200, { "content-type": "application/json" }).write('{"id": '),
  "/cut-body": (response) => void response.writeHead(200, { "content-length": "1000" }).write("only this", () => response.socket?.destroy()),
  "/large": (response) => response.writeHead(200).end(Buffer.alloc(8 * 1024 * 1024, "x")),
};
let server: Awaited<ReturnType<typeof startTestServer>>;
let base = "";
beforeAll(async () => {
  server = await startTestServer((request, response) => (routes[new URL(request.url, "http://x").pathname] ?? routes["/json"]!)(response));
  base = server.url;
});
afterAll(() => server.close());

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

/** Waits until no connection of the agent to the server is in use; a response nobody drained would hold one for good. */
async function connectionsFreed(): Promise<void> {
  const inUse = () => Object.entries(httpAgent.sockets).filter(([key, sockets]) => key.startsWith(base.slice("http://".length)) && sockets?.length).length;
  for (const deadline = Date.now() + 5_000; inUse() > 0; await new Promise((tick) => setTimeout(tick, 10))) {
    if (Date.now() > deadline) throw new Error("a connection is still in use 5 s after its answer");
  }
}

describe("nodeHttpFetch", () => {
  it("answers with a standard Response: status, text, every header, the URL without its fragment", async () => {
    const response = await nodeHttpFetch(`${base}/json#top`);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url]).toEqual([200, "Fine", true, `${base}/json`]);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ id: "c1", name: "Ünïcode" });
  });

  it("sends the method, headers and body of a Request or of a URL and init, with fetch's defaults", async () => {
    await nodeHttpFetch(new Request(`${base}/json`, { method: "POST", headers: { "X-Key": "k" }, body: '{"a":1}' }));
    expect(server.seen.at(-1)).toMatchObject({ method: "POST", headers: { "x-key": "k", "content-type": "text/plain;charset=UTF-8", "content-length": "7", accept: "*/*", "user-agent": "node", "accept-encoding": "gzip, deflate" } });
    expect(server.seen.at(-1)!.body).toBe('{"a":1}');
    await nodeHttpFetch(`${base}/json`, { method: "put", headers: new Headers({ accept: "application/json", "content-type": "application/json", "user-agent": "mine/1" }), body: '{"b":2}' });
    expect(server.seen.at(-1)).toMatchObject({ method: "PUT", headers: { accept: "application/json", "content-type": "application/json", "user-agent": "mine/1" } });
    await nodeHttpFetch(`${base}/json`, { method: "POST" });
    expect(server.seen.at(-1)!.headers["content-length"]).toBe("0");
    await nodeHttpFetch(`${base}/json`, { method: "PATCH", body: "{}" });
    expect(server.seen.at(-1)!.method).toBe("PATCH");
  });

  it("takes the init's body and signal over the Request's, as fetch(request, init) does", async () => {
    const request = new Request(`${base}/json`, { method: "POST", body: "the request's" });
    await nodeHttpFetch(request, { body: new TextEncoder().encode("the init's").buffer });
    expect(server.seen.at(-1)!.body).toBe("the init's");
  });

  it.each([
    ["bytes from part of a buffer", () => new Uint8Array(Buffer.from("xxabcxx")).subarray(2, 5), "abc", undefined],
    ["URLSearchParams", () => new URLSearchParams({ q: "a b" }), "q=a+b", "application/x-www-form-urlencoded;charset=UTF-8"],
    ["a Blob", () => new Blob(["blob"], { type: "text/csv" }), "blob", "text/csv"],
    ["FormData", () => { const form = new FormData(); form.set("name", "Ann"); return form; }, 'name="name"\r\n\r\nAnn\r\n', "multipart/form-data; boundary="],
    ["a stream", () => new Blob(["streamed"]).stream(), "streamed", undefined],
  ] as const)("sends %s as fetch would", async (_, body, sentBody, type) => {
    await nodeHttpFetch(`${base}/json`, { method: "POST", body: body(), duplex: "half" } as RequestInit);
    const { body: received, headers } = server.seen.at(-1)!;
    if (type?.startsWith("multipart")) expect(received.startsWith("--") && received.includes(sentBody)).toBe(true);
    else expect(received).toBe(sentBody);
    if (type) expect(headers["content-type"]).toContain(type);
    expect(headers["content-length"]).toBe(String(received.length));
  });

  it("refuses a body on a GET, as fetch does, before sending anything", async () => {
    const before = server.seen.length;
    await expect(nodeHttpFetch(`${base}/json`, { body: "x" })).rejects.toThrow(/GET\/HEAD method cannot have body/);
    expect(server.seen.length).toBe(before);
  });

  it.each(["/gzip", "/x-gzip", "/deflate", "/deflate-raw", "/br", "/gzip-then-br"])("decodes %s", async (path) => {
    expect(await (await nodeHttpFetch(`${base}${path}`)).json()).toEqual({ id: "c1", name: "Ünïcode" });
  });

  it("decodes a large body whole, however the inflater splits it", async () => {
    expect(await (await nodeHttpFetch(`${base}/deflate-raw-large`)).text()).toBe(LARGE_TEXT);
  });

  it("leaves an unknown coding as sent, and a broken one fails the body with a TypeError", async () => {
    expect(await (await nodeHttpFetch(`${base}/unknown-coding`)).text()).toBe("as sent");
    const failure = await failureOf((await nodeHttpFetch(`${base}/broken-gzip`)).text());
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: "Z_DATA_ERROR" });
  });

  it("gives a null body to a 204 and a HEAD, and frees their connection for the next request", async () => {
    const empty = await nodeHttpFetch(`${base}/empty`);
    expect([empty.status, empty.body]).toEqual([204, null]);
    await connectionsFreed();
    const head = await nodeHttpFetch(`${base}/gzip`, { method: "HEAD" });
    expect([head.status, head.body]).toEqual([200, null]);
    await connectionsFreed();
  });

  it("answers a redirect as it is: the sender follows it", async () => {
    const response = await nodeHttpFetch(`${base}/moved`);
    expect([response.status, response.headers.get("location"), await response.text()]).toEqual([302, "/json", "see /json"]);
  });

  it("rejects with TypeError('fetch failed') and the cause when there is no answer, or no answer fetch could give", async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const refused = await failureOf(nodeHttpFetch(`${closed.url}/`));
    expect(refused).toBeInstanceOf(TypeError);
    expect(refused).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    const odd = await failureOf(nodeHttpFetch(`${base}/odd-status`));
    expect(odd).toMatchObject({ message: "fetch failed", cause: expect.any(RangeError) });
  });

  it("fails a body cut short with TypeError('terminated')", async () => {
    const response = await nodeHttpFetch(`${base}/cut-body`);
    await expect(response.text()).rejects.toMatchObject({ name: "TypeError", message: "terminated" });
  });

  describe("under a signal", () => {
    it("sends nothing when it is already aborted, and rejects with its reason", async () => {
      const before = server.seen.length;
      const reason = new Error("gave up");
      expect(await failureOf(nodeHttpFetch(`${base}/json`, { signal: AbortSignal.abort(reason) }))).toBe(reason);
      expect(server.seen.length).toBe(before);
    });

    it("hears an abort that comes while the body is being read, before the request is sent", async () => {
      const controller = new AbortController();
      const before = server.seen.length;
      const body = new ReadableStream({ pull: (stream) => (controller.abort("meanwhile"), stream.close()) });
      expect(await failureOf(nodeHttpFetch(`${base}/json`, { method: "POST", body, signal: controller.signal, duplex: "half" } as RequestInit))).toBe("meanwhile");
      expect(server.seen.length).toBe(before);
    });

    it("aborts a request that waits for its answer, with the reason", async () => {
      const controller = new AbortController();
      const pending = failureOf(nodeHttpFetch(`${base}/stall`, { signal: controller.signal }));
      while (!server.seen.some((request) => request.url === "/stall")) await new Promise((tick) => setTimeout(tick, 5));
      controller.abort("late");
      expect(await pending).toBe("late");
    });

    it("aborts a body being read, with the reason", async () => {
      const controller = new AbortController();
      const response = await nodeHttpFetch(`${base}/stall-body`, { signal: controller.signal });
      const reading = failureOf(response.text());
      controller.abort("enough");
      expect(await reading).toBe("enough");
    });

    it("stops listening once the body is read, or when there is none", async () => {
      const { signal } = new AbortController();
      await (await nodeHttpFetch(`${base}/json`, { signal })).json();
      await nodeHttpFetch(`${base}/empty`, { signal });
      await failureOf((await nodeHttpFetch(`${base}/cut-body`, { signal })).text());
      expect(getEventListeners(signal, "abort")).toEqual([]);
    });
  });

  it("streams a large body as it is read, and a cancelled body lets its connection go", async () => {
    const response = await nodeHttpFetch(`${base}/large`);
    const chunks = response.body!.getReader();
    let received = 0;
    for (let read = await chunks.read(); !read.done; read = await chunks.read()) received += read.value.byteLength;
    expect(received).toBe(8 * 1024 * 1024);
    const cancelled = await nodeHttpFetch(`${base}/large`);
    const reader = cancelled.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(await (await nodeHttpFetch(`${base}/json`)).json()).toEqual({ id: "c1", name: "Ünïcode" });
  });

  describe("over https", () => {
    // A self-signed certificate for 127.0.0.1, valid until 2126: test-only, trusted by no one.
    const tls = { key: readFileSync(new URL("fixtures/loopback-key.pem", import.meta.url)), cert: readFileSync(new URL("fixtures/loopback-cert.pem", import.meta.url)) };
    let secure: Awaited<ReturnType<typeof startTestServer>>;
    beforeAll(async () => void (secure = await startTestServer((_, response) => response.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync(JSON_BODY)), { tls })));
    afterAll(() => secure.close());

    it("trusts what Node's https agent trusts, and names the certificate problem when it does not", async () => {
      const refused = await failureOf(nodeHttpFetch(`${secure.url}/json`));
      expect(refused).toMatchObject({ message: "fetch failed", cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } });
      httpsAgent.options.ca = tls.cert; // as NODE_EXTRA_CA_CERTS would
      try {
        expect(await (await nodeHttpFetch(`${secure.url}/json`)).json()).toEqual({ id: "c1", name: "Ünïcode" });
        expect(secure.seen.at(-1)!.headers["accept-encoding"]).toBe("br, gzip, deflate");
      } finally {
        delete httpsAgent.options.ca;
      }
    });
  });

  it("hands other schemes to the global fetch", async () => {
    expect(await (await nodeHttpFetch("data:text/plain,hello")).text()).toBe("hello");
  });
});
