import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, createApiClient, InvalidResponseError, TimeoutError, type RetryEvent } from "../src/index.js";
import type { paths } from "./paths.js";
import { activeTimers } from "./active-timers.js";
import { collectGarbage } from "./collect-garbage.js";
import { startTestServer } from "./test-server.js";

const LARGE_BODY_CHARS = 16 * 1024 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response, hit) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    // "/things/<case>" or "/things/<case>-<n>": a fresh URL gives the case a fresh hit count.
    const id = request.url.split("/")[2]!.replace(/-\d+$/, "");
    switch (id) {
      case "reset":
        return response.socket?.destroy();
      case "stall":
        return; // never answers
      case "slow":
        return void setTimeout(() => json(200, { id: "slow" }), 30);
      case "flaky":
      case "flaky-post":
        return hit === 1 ? json(500, { message: "try again" }) : json(200, { id: "ok" });
      case "down":
        return json(500, { message: "down" });
      case "limited":
        return hit === 1 ? json(429, { message: "slow down" }, { "retry-after": "1" }) : json(200, { id: "ok" });
      case "limited-long":
        return json(429, { message: "slow down" }, { "retry-after": "30" });
      case "limited-date":
        return hit === 1
          ? json(429, { message: "slow down" }, { "retry-after": new Date(Date.now() + 30_000).toUTCString() })
          : json(200, { id: "ok" });
      case "stall-body":
      case "stall-error-body":
        // The headers and the start of the body, then nothing.
        response.writeHead(id === "stall-body" ? 200 : 500, { "content-type": "application/json" });
        return void response.write('{"id": "sta');
      case "cut-body":
        response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        return response.write('{"id": "cu', () => response.socket?.destroy());
      case "malformed":
        return response
          .writeHead(200, { "content-type": "application/json", "x-request-id": "req-malformed" })
          .end('{"id": "half');
      case "text":
        return response.writeHead(200, { "content-type": "text/plain" }).end("plain words");
      case "large":
        return json(200, { id: "large", items: ["x".repeat(LARGE_BODY_CHARS)] });
      default:
        return json(200, { id });
    }
  });
});
afterAll(() => server.close());

// No test may leave a timer behind (a retry's sleep, an attempt's timeout). vitest's
// detectAsyncLeaks cannot be used here: Node 20's fetch itself leaves a promise per request body.
let timersBefore = 0;
beforeAll(() => {
  timersBefore = activeTimers();
});
afterEach(async () => {
  await new Promise((settle) => setImmediate(settle));
  expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
});

function client(
  policy: Parameters<typeof createApiClient>[0] extends infer O ? Omit<O & object, "defaultBaseUrl"> : never = {},
) {
  const retries: RetryEvent[] = [];
  const api = createApiClient<paths>({
    defaultBaseUrl: server.url,
    onRetry: (event) => retries.push(event),
    ...policy,
  });
  return { api, retries };
}
const path = (id: string) => ({ params: { path: { id } } });

describe("retries", () => {
  it("retries a 500 and returns the 200 that follows, after a backoff of 375–500 ms", async () => {
    const { api, retries } = client();
    const { data } = await api.GET("/things/{id}", path("flaky"));
    expect(data).toEqual({ id: "ok" });
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ method: "GET", retry: 1, reason: "status 500" });
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(375);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(500);
  });

  it("gives up after maxRetries with the last answer, backing off exponentially", async () => {
    const { api, retries } = client({ maxRetries: 2 });
    const started = performance.now();
    const { error, response } = await api.GET("/things/{id}", path("down"));
    expect(response.status).toBe(500);
    expect(error).toEqual({ message: "down" });
    expect(retries.map((event) => event.retry)).toEqual([1, 2]);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(750);
    expect(retries[1]!.delayMs).toBeLessThanOrEqual(1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(retries[0]!.delayMs + retries[1]!.delayMs - 5);
  });

  it("honours Retry-After in seconds", async () => {
    const { api, retries } = client();
    const started = performance.now();
    const { data } = await api.GET("/things/{id}", path("limited"));
    expect(data).toEqual({ id: "ok" });
    expect(retries.map((event) => event.delayMs)).toEqual([1000]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("honours Retry-After as an HTTP-date, cut to maxRetryAfter", async () => {
    const { api, retries } = client({ maxRetryAfter: 200 });
    const { data } = await api.GET("/things/{id}", path("limited-date"));
    expect(data).toEqual({ id: "ok" });
    expect(retries.map((event) => event.delayMs)).toEqual([200]);
  });

  it("retries a reset connection, then reports a ConnectionError", async () => {
    const { api, retries } = client({ maxRetries: 1 });
    const before = server.seen.length;
    await expect(api.GET("/things/{id}", path("reset"))).rejects.toThrowError(ConnectionError);
    expect(server.seen.length - before).toBe(2);
    expect(retries).toHaveLength(1);
  });

  it("does not retry POST unless the caller opts in, and replays the same body when it does", async () => {
    const { api } = client();
    const once = await api.POST("/things/{id}", { ...path("flaky-post"), body: { name: "first" } });
    expect(once.response.status).toBe(500);
    const before = server.seen.length;
    const twice = await api.POST("/things/{id}", {
      ...path("flaky-post-2"),
      body: { name: "same body" },
      retryNonIdempotent: true,
    });
    expect(twice.data).toEqual({ id: "ok" });
    const bodies = server.seen.slice(before).map((request) => request.body);
    expect(bodies).toEqual(['{"name":"same body"}', '{"name":"same body"}']);
  });

  it("lets one call turn retries off", async () => {
    const { api, retries } = client();
    const { response } = await api.GET("/things/{id}", { ...path("down"), maxRetries: 0 });
    expect(response.status).toBe(500);
    expect(retries).toEqual([]);
  });

  it("keeps the client's setting where a call's option is undefined", async () => {
    const { api, retries } = client({ maxRetries: 1 });
    const { response } = await api.GET("/things/{id}", {
      ...path("down-2"),
      maxRetries: undefined,
      timeout: undefined,
    });
    expect(response.status).toBe(500);
    expect(retries).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  it("takes timeout: Infinity as no timeout (a timer alone would cut it to 1 ms)", async () => {
    const { api } = client({ timeout: Infinity, maxRetries: 0 });
    const { data } = await api.GET("/things/{id}", path("slow"));
    expect(data).toEqual({ id: "slow" });
  });

  it("reports a TimeoutError when the server stalls past the timeout", async () => {
    const { api } = client({ timeout: 150, maxRetries: 0 });
    const started = performance.now();
    const error = await api.GET("/things/{id}", path("stall")).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      `GET ${server.url}/things/stall timed out: no complete answer within the 150 ms timeout per attempt`,
    );
    expect(error).toMatchObject({ timeoutMs: 150, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each(["stall-body", "stall-error-body"])("counts the body in the timeout (%s)", async (id) => {
    const { api } = client({ timeout: 150, maxRetries: 0 });
    const error = await api.GET("/things/{id}", path(id)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      `GET ${server.url}/things/${id} timed out: no complete answer within the 150 ms timeout per attempt`,
    );
  });

  it("retries a timed-out attempt, with the per-call timeout", async () => {
    const { api, retries } = client({ timeout: 10_000, maxRetries: 1 });
    const error = await api.GET("/things/{id}", { ...path("stall"), timeout: 100 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(retries).toHaveLength(1);
    // The message says the timeout is per attempt, and how long the whole call took.
    expect((error as Error).message).toMatch(
      /timed out: no complete answer within the 100 ms timeout per attempt \(attempt 2 of 2; \d+\.\d s in all\)$/,
    );
    expect((error as TimeoutError).attempts).toBe(2);
    expect((error as TimeoutError).elapsedMs).toBeGreaterThanOrEqual(200);
  });

  it("lets the caller's AbortSignal win over a stalled answer", async () => {
    const { api } = client({ timeout: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await api
      .GET("/things/{id}", { ...path("stall"), signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("AbortError");
  });

  it("times out and hears the caller's AbortSignal through a fetch passed to one call", async () => {
    const { api } = client({ timeout: 150, maxRetries: 0 });
    const ownFetch = (url: string, init: RequestInit) => fetch(url, init);
    await expect(api.GET("/things/{id}", { ...path("stall"), fetch: ownFetch })).rejects.toThrowError(TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await api
      .GET("/things/{id}", { ...path("stall"), fetch: ownFetch, signal: controller.signal, timeout: 10_000 })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("AbortError");
  });

  it("sends nothing when the caller's AbortSignal is already aborted", async () => {
    const { api } = client();
    const before = server.seen.length;
    const error = await api
      .GET("/things/{id}", { ...path("never-sent"), signal: AbortSignal.abort() })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("AbortError");
    expect(server.seen.slice(before).map((seen) => seen.url)).not.toContain("/things/never-sent");
  });

  it("lets the caller's AbortSignal cut a backoff short", async () => {
    const { api } = client();
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 150);
    const error = await api
      .GET("/things/{id}", { ...path("limited-long"), signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).name).toBe("AbortError");
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("bodies", () => {
  it("reports malformed JSON in a 200 as an InvalidResponseError", async () => {
    const { api } = client();
    const error = await api.GET("/things/{id}", path("malformed")).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      new RegExp(`^GET ${server.url}/things/malformed answered 200 with an invalid body: `),
    );
    expect(error).toMatchObject({ status: 200, requestId: "req-malformed" });
  });

  it("reports a 200 that is not JSON as an InvalidResponseError, and reads it with parseAs: text", async () => {
    const { api } = client();
    await expect(api.GET("/things/{id}", path("text"))).rejects.toThrowError(InvalidResponseError);
    const { data } = await api.GET("/things/{id}", { ...path("text"), parseAs: "text" });
    expect(data).toBe("plain words");
  });

  it("hands over a stream with parseAs: stream, the timeout over once the headers are in", async () => {
    const { api } = client({ timeout: 1_000 });
    const { data } = await api.GET("/things/{id}", { ...path("streamed"), parseAs: "stream" });
    await new Promise((wait) => setTimeout(wait, 1_200));
    expect(await new Response(data as ReadableStream).json()).toEqual({ id: "streamed" });
  });

  it("keeps a streamed body readable after its Response is collected", async () => {
    // fetch cancels the body of a Response that was collected unread: a caller who keeps only
    // the stream (`const { data } = …`) must still be able to read it.
    const { api } = client();
    const { data } = await api.GET("/things/{id}", { ...path("kept-stream"), parseAs: "stream" });
    for (let round = 0; round < 3; round++) {
      collectGarbage();
      await new Promise((settle) => setTimeout(settle, 10));
    }
    expect(await new Response(data as ReadableStream).json()).toEqual({ id: "kept-stream" });
  });

  it("retries a body cut off mid-way, then reports a ConnectionError", async () => {
    const { api, retries } = client({ maxRetries: 1 });
    const error = await api.GET("/things/{id}", path("cut-body")).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(`^GET ${server.url}/things/cut-body got an incomplete 200 answer: `),
    );
    expect(error).toMatchObject({ status: 200 });
    expect(retries).toHaveLength(1);
  });

  it("reads a very large body (16 MB) whole", { timeout: 30_000 }, async () => {
    const { api } = client();
    const { data } = await api.GET("/things/{id}", path("large"));
    expect((data?.items?.[0] as string | undefined)?.length).toBe(LARGE_BODY_CHARS);
  });
});
