import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, createApiClient, RedirectError, ResponseTooLargeError } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

const MiB = 1024 * 1024;
// One gzip member that inflates to 64 MiB; gzip decoders read concatenated members as one body,
// so 160 of them (10 MB on the wire) inflate to 10 GiB.
const member = gzipSync(Buffer.alloc(64 * MiB), { level: 9 });
const BOMB_MEMBERS = 160;

/** Writes the bomb as fast as the client reads it, until it is all sent or the client hangs up. */
async function sendBomb(response: ServerResponse): Promise<void> {
  response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
  for (let sent = 0; sent < BOMB_MEMBERS && !response.destroyed; sent++) {
    if (!response.write(member)) {
      await new Promise((go) => {
        response.once("drain", go);
        response.once("close", go);
      });
    }
  }
  response.end();
}

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const id = request.url.split("/")[2];
    if (id === "bomb") return void sendBomb(response);
    if (id === "declared-large")
      return response.writeHead(200, { "content-type": "application/json", "content-length": String(40 * MiB) }).end();
    if (id === "chunked") {
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(JSON.stringify({ id: "x".repeat(2000) }));
    }
    if (id === "codings") {
      let body = Buffer.from('{"id":"deep"}');
      for (let i = 0; i < 1000; i++) body = gzipSync(body);
      return response
        .writeHead(200, { "content-type": "application/json", "content-encoding": Array(1000).fill("gzip").join(", ") })
        .end(body);
    }
    if (id === "to-data")
      return response.writeHead(302, { location: 'data:application/json,{"id":"from-data"}' }).end();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
  });
});
afterAll(() => server.close());

const client = (options: { maxResponseBytes?: number } = {}) =>
  createApiClient<paths>({ defaultBaseUrl: server.url, ...options });
const path = (id: string) => ({ params: { path: { id } } });
const hits = (id: string) => server.seen.filter((seen) => seen.url === `/things/${id}`).length;

describe("bounded answers", () => {
  it("stops a decompression bomb at the default 32 MiB, with its own error, and does not download it again", async () => {
    const error = await client()
      .GET("/things/{id}", path("bomb"))
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: 32 * MiB });
    expect((error as Error).message).toBe(
      `GET ${server.url}/things/bomb answered 200 with a body over the ${32 * MiB} byte limit (maxResponseBytes); it was not read further`,
    );
    expect(hits("bomb")).toBe(1);
  });

  it("takes the limit per client and per call", async () => {
    await expect(client({ maxResponseBytes: 1000 }).GET("/things/{id}", path("chunked"))).rejects.toThrowError(
      ResponseTooLargeError,
    );
    const { data } = await client({ maxResponseBytes: 1000 }).GET("/things/{id}", {
      ...path("chunked"),
      maxResponseBytes: 4000,
    });
    expect(data?.id).toHaveLength(2000);
    await expect(client().GET("/things/{id}", { ...path("chunked"), maxResponseBytes: 100 })).rejects.toThrowError(
      ResponseTooLargeError,
    );
  });

  it("refuses a body whose Content-Length is over the limit before reading it", async () => {
    const error = await client({ maxResponseBytes: 32 * MiB })
      .GET("/things/{id}", path("declared-large"))
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(hits("declared-large")).toBe(1);
  });

  it("refuses a chain of 1,000 content codings as the platform's fetch does (at most 5)", async () => {
    const error = await client()
      .GET("/things/{id}", { ...path("codings"), maxRetries: 0 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(String((error as Error).message)).toMatch(/content-encoding/i);
  });

  it("follows redirects only to http(s): a data: URL is refused, never read as the answer", async () => {
    const error = await client()
      .GET("/things/{id}", path("to-data"))
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toBe(
      `GET ${server.url}/things/to-data was redirected (302) and not followed: it leads to a data: URL`,
    );
    expect(hits("to-data")).toBe(1);
  });
});
