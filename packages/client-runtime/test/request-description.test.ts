import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { callOptions, createApiClient, headerAuth } from "../src/index.js";
import type { SendFetch } from "../src/send-request.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.url === "/things/moved") return response.writeHead(307, { location: "/things/landed" }).end();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: request.url.split("/")[2] }));
  });
});
afterAll(() => server.close());

// What the clients' default fetch is handed, on its way to the real one.
const sent = vi.hoisted(() => [] as Parameters<SendFetch>[]);
vi.mock("#default-fetch", async (importOriginal) => {
  const { defaultFetch } = await importOriginal<{ defaultFetch: SendFetch }>();
  return { defaultFetch: (...args: Parameters<SendFetch>) => (sent.push(args), defaultFetch(...args)) };
});
afterEach(() => void (sent.length = 0));

// Two ways a client authenticates: with fixed headers its requests stay descriptions (a URL and
// an init) all the way to the transport; a middleware must be handed a Request.
const ways = {
  described: () => createApiClient<paths>({ defaultBaseUrl: server.url, authHeaders: { "X-Key": "k" }, maxRetries: 2 }),
  "a Request": () => createApiClient<paths>({ defaultBaseUrl: server.url, middleware: [headerAuth("X-Key", "k")], maxRetries: 2 }),
};
const path = (id: string) => ({ params: { path: { id } } });

describe("a call's request", () => {
  it("is sent as its URL and init alone, when nothing else needs to see it", async () => {
    await ways.described().GET("/things/{id}", { ...path("a"), ...callOptions({ timeout: 5_000 }) });
    const [input, init] = sent[0]!;
    expect(input).toBe(`${server.url}/things/a`);
    expect(init).toMatchObject({ method: "GET", redirect: "manual" });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init!.headers).get("x-key")).toBe("k");
  });

  it.each([
    ["a client's middleware", () => ways["a Request"]().GET("/things/{id}", path("b"))],
    ["a call's middleware", () => ways.described().GET("/things/{id}", { ...path("b"), middleware: [{ onRequest: () => undefined }] })],
    ["a client's middleware added later", () => {
      const client = ways.described();
      client.use({ onRequest: () => undefined });
      return client.GET("/things/{id}", path("b"));
    }],
  ])("is a Request when %s may see it", async (_, call) => {
    const { data } = await call();
    expect(data).toEqual({ id: "b" });
    expect(sent[0]![0]).toBeInstanceOf(Request);
  });

  it("is a description again once every middleware added later is ejected, and a Request while one is left", async () => {
    const client = ways.described();
    const middleware = { onRequest: () => undefined };
    client.use(middleware, middleware);
    client.eject(middleware);
    await client.GET("/things/{id}", path("e"));
    expect(sent.at(-1)![0]).toBeInstanceOf(Request);
    client.eject(middleware);
    const { data } = await client.GET("/things/{id}", path("e"));
    expect(data).toEqual({ id: "e" });
    expect(sent.at(-1)![0]).toBe(`${server.url}/things/e`);
  });

  describe.each(Object.entries(ways))("%s", (_, client) => {
    it("carries its body and headers", async () => {
      const { data } = await client().POST("/things/{id}", { ...path("c"), body: { name: "Ünïcode" }, headers: { "X-Trace": "t1" } });
      expect(data).toEqual({ id: "c" });
      expect(server.seen.at(-1)).toMatchObject({ method: "POST", body: '{"name":"Ünïcode"}', headers: { "x-key": "k", "x-trace": "t1", "content-type": "application/json" } });
    });

    it("sends its body again after a 307", async () => {
      const { data } = await client().POST("/things/{id}", { ...path("moved"), body: { name: "again" } });
      expect(data).toEqual({ id: "landed" });
      expect(server.seen.at(-1)).toMatchObject({ method: "POST", url: "/things/landed", body: '{"name":"again"}' });
    });

    it.each([
      ["a body on a GET", { body: { name: "x" } }, /GET\/HEAD method cannot have body/],
      ["a cache mode fetch refuses", { cache: "only-if-cached" }, /only-if-cached/],
    ])("with %s is refused before anything is sent, not retried as a connection failure", async (_, extra, message) => {
      const before = server.seen.length;
      const failure = await client()
        .GET("/things/{id}", { ...path("d"), ...(extra as object) })
        .catch((thrown: unknown) => thrown);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as Error).message).toMatch(message);
      expect(server.seen.length).toBe(before);
    });
  });
});
