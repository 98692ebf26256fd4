import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createApiClient, headerAuth, unwrap } from "../src/index.js";

interface paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: string } } };
        404: { headers: Record<string, unknown>; content: { "application/json": { message: string } } };
      };
    };
  };
}

const seen: { method?: string; url?: string; headers?: Record<string, unknown> }[] = [];
const server = createServer((request, response) => {
  seen.push({ method: request.method, url: request.url, headers: request.headers });
  if (request.url === "/things/missing") return response.writeHead(404, { "content-type": "application/json" }).end('{"message":"no such thing"}');
  if (request.url === "/things/empty") return response.writeHead(503).end();
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "t1" }));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const clientFor = (url = baseUrl) =>
  createApiClient<paths>({ defaultBaseUrl: "https://example.invalid", baseUrl: url, middleware: [headerAuth("X-Key", "sekret")] });

describe("createApiClient", () => {
  it("sends the credential header and Accept: application/json", async () => {
    const { data } = await clientFor().GET("/things/{id}", { params: { path: { id: "t1" } } });
    expect(data).toEqual({ id: "t1" });
    expect(seen.at(-1)?.headers).toMatchObject({ "x-key": "sekret", accept: "application/json" });
  });

  it("turns a failed call into an ApiError with method, URL, status and body, without the credential", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "missing" } } });
    expect(result.error).toEqual({ message: "no such thing" });
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 404, method: "GET", url: `${baseUrl}/things/missing`, body: { message: "no such thing" } });
    expect((thrown as Error).message).toBe(`GET ${baseUrl}/things/missing failed with 404 Not Found: no such thing`);
    expect(JSON.stringify(thrown) + String(thrown)).not.toContain("sekret");
  });

  it("reports an empty error body as an ApiError too, never a silent undefined", async () => {
    const result = await clientFor().GET("/things/{id}", { params: { path: { id: "empty" } } });
    expect(() => unwrap(result)).toThrowError(new ApiError({ status: 503, statusText: "Service Unavailable", method: "GET", url: `${baseUrl}/things/empty`, body: undefined }));
  });

  it("throws a ConnectionError naming the request when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, "127.0.0.1", listening));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const call = clientFor(`http://127.0.0.1:${port}`).GET("/things/{id}", { params: { path: { id: "t1" } } });
    await expect(call).rejects.toBeInstanceOf(ConnectionError);
    await expect(call).rejects.toThrow(`GET http://127.0.0.1:${port}/things/t1 got no answer: connect ECONNREFUSED`);
  });

  it("uses the spec's server when no baseUrl is given, and checks it", () => {
    expect(() => createApiClient<paths>({ defaultBaseUrl: "http://api.example.com" })).toThrow(/plain http/);
  });
});
