import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // Every request fails with a 503 the first time its path is asked for, then succeeds.
  server = await startTestServer((_request, response, hit) => {
    if (hit === 1) return response.writeHead(503, { "retry-after": "0" }).end();
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
afterAll(() => server.close());

function client(idempotencyHeader?: string) {
  return createApiClient<paths>({ defaultBaseUrl: server.url, ...(idempotencyHeader ? { idempotencyHeader } : {}) });
}

describe("idempotency keys", () => {
  it("retries a POST with one key on every attempt when the provider takes keys", async () => {
    const result = await client("Idempotency-Key").POST("/things/{id}", {
      params: { path: { id: "keyed" } },
      body: { name: "x" },
    });
    expect(result.response.status).toBe(200);
    const attempts = server.seen.filter((request) => request.url === "/things/keyed");
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts.map((request) => request.headers["idempotency-key"]);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it("gives each call a key of its own, and keeps the caller's", async () => {
    await client("Idempotency-Key").POST("/things/{id}", {
      params: { path: { id: "own" } },
      body: { name: "x" },
      headers: { "idempotency-key": "mine" },
    });
    expect(
      server.seen
        .filter((request) => request.url === "/things/own")
        .map((request) => request.headers["idempotency-key"]),
    ).toEqual(["mine", "mine"]);
  });

  it("does not retry a POST, nor send a key, when the provider takes none", async () => {
    const result = await client().POST("/things/{id}", { params: { path: { id: "unkeyed" } }, body: { name: "x" } });
    expect(result.response.status).toBe(503);
    const attempts = server.seen.filter((request) => request.url === "/things/unkeyed");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends no key on a GET", async () => {
    await client("Idempotency-Key").GET("/things/{id}", { params: { path: { id: "read" } } });
    expect(
      server.seen
        .filter((request) => request.url === "/things/read")
        .map((request) => request.headers["idempotency-key"]),
    ).toEqual([undefined, undefined]);
  });
});
