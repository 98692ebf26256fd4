import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createApiClient, headerAuth, TimeoutError, unwrap } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.url === "/things/missing")
      return response
        .writeHead(404, { "content-type": "application/json", "x-request-id": "req-42" })
        .end('{"message":"no such thing","code":"NOT_FOUND"}');
    if (request.url === "/things/empty") return response.writeHead(404).end();
    if (request.url === "/things/oauth")
      return response
        .writeHead(401, { "content-type": "application/json" })
        .end('{"error":"invalid_client","error_description":"Client authentication failed"}');
    if (request.url === "/things/html")
      return response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "t1" }));
  });
});
afterAll(() => server.close());

const clientFor = (url = server.url) =>
  createApiClient<paths>({
    defaultBaseUrl: "https://example.invalid",
    baseUrl: url,
    auth: headerAuth({ "X-Key": "sekret-key" }),
  });

describe("createApiClient", () => {
  it("sends the credential header and Accept: application/json", async () => {
    const { data } = await clientFor().GET("/things/{id}", { params: { path: { id: "t1" } } });
    expect(data).toEqual({ id: "t1" });
    expect(server.seen.at(-1)?.headers).toMatchObject({ "x-key": "sekret-key", accept: "application/json" });
  });

  it("turns a failed call into an ApiError with method, URL, status, code, request id and body", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "missing" } } });
    expect(result.error).toEqual({ message: "no such thing", code: "NOT_FOUND" });
    const error = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      url: `${server.url}/things/missing`,
      code: "NOT_FOUND",
      requestId: "req-42",
      body: { message: "no such thing", code: "NOT_FOUND" },
    });
    expect((error as Error).message).toBe(
      `GET ${server.url}/things/missing failed with 404 Not Found [NOT_FOUND]: no such thing (request id req-42)`,
    );
  });

  it("reads an OAuth 2 error body's `error` as the ApiError's code", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "oauth" } } });
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ status: 401, code: "invalid_client" }));
  });

  it("reports an empty error body as its status text, never a silent undefined", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "empty" } } });
    expect(result.error).toBe("404 Not Found");
    expect(() => unwrap(result)).toThrow(`GET ${server.url}/things/empty failed with 404 Not Found: 404 Not Found`);
  });

  it("keeps a non-JSON error body as text", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "html" } } });
    expect(result.error).toBe("<h1>Not Found</h1>");
    expect(() => unwrap(result)).toThrowError(ApiError);
  });

  it("throws a ConnectionError naming the request when nothing answers", async () => {
    const gone = await startTestServer(() => undefined);
    await gone.close();
    const call = clientFor(gone.url)
      .GET("/things/{id}", { params: { path: { id: "t1" } }, ...{} })
      .catch((error: unknown) => error);
    const error = await call;
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^GET ${gone.url}/things/t1 got no answer: .*ECONNREFUSED`));
  });

  it("sends every attempt through the caller's fetch, as fetch(url, init), the body replayed on a retry", async () => {
    const attempts: { method: string; redirect: RequestRedirect | undefined; body: string }[] = [];
    const callerFetch = async (url: string, init: RequestInit) => {
      attempts.push({
        method: init.method!,
        redirect: init.redirect,
        body: new TextDecoder().decode(init.body as ArrayBuffer),
      });
      if (attempts.length === 1)
        return new Response('{"message":"busy"}', { status: 503, headers: { "content-type": "application/json" } });
      return fetch(url, init);
    };
    const client = createApiClient<paths>({
      defaultBaseUrl: "https://example.invalid",
      baseUrl: server.url,
      fetch: callerFetch,
      retryNonIdempotent: true,
      onRetry: () => undefined,
    });
    const { data } = await client.POST("/things/{id}", { params: { path: { id: "t1" } }, body: { name: "replayed" } });
    expect(data).toEqual({ id: "t1" });
    expect(attempts).toEqual([
      { method: "POST", redirect: "manual", body: '{"name":"replayed"}' },
      { method: "POST", redirect: "manual", body: '{"name":"replayed"}' },
    ]);
    expect(server.seen.at(-1)).toMatchObject({ method: "POST", url: "/things/t1", body: '{"name":"replayed"}' });
  });

  it("aborts the caller's fetch when the attempt times out", async () => {
    const hangingFetch = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal!.addEventListener("abort", () => reject(init.signal!.reason)),
      );
    const client = createApiClient<paths>({
      defaultBaseUrl: server.url,
      fetch: hangingFetch,
      timeout: 50,
      maxRetries: 0,
    });
    await expect(client.GET("/things/{id}", { params: { path: { id: "t1" } } })).rejects.toThrowError(TimeoutError);
  });

  it("sends every request with the client's fetchOptions merged into its init", async () => {
    const inits: RequestInit[] = [];
    const recordingFetch = (url: string, init: RequestInit) => {
      inits.push(init);
      return fetch(url, init);
    };
    const client = createApiClient<paths>({
      defaultBaseUrl: server.url,
      fetch: recordingFetch,
      fetchOptions: { keepalive: false, marker: "mine" },
    });
    await client.GET("/things/{id}", { params: { path: { id: "t1" } } });
    expect(inits[0]).toMatchObject({ keepalive: false, marker: "mine", method: "GET", redirect: "manual" });
  });

  it("checks the spec's server when no baseUrl is given", () => {
    expect(() => createApiClient<paths>({ defaultBaseUrl: "http://api.example.com" })).toThrow(/plain http/);
  });
});
