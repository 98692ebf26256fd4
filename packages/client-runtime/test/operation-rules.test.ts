import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type OperationInfo } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

// /things/{id} answers the status its id names, with the body the query names.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const status = Number(url.pathname.split("/").pop());
    const body = url.searchParams.get("body") ?? "";
    response
      .writeHead(status, body ? { "content-type": url.searchParams.get("type") ?? "application/json" } : {})
      .end(body);
  });
});
afterAll(() => server.close());

const get: OperationInfo = {
  operationId: "getThing",
  method: "GET",
  path: "/things/{id}",
  errorBodies: { "404": true, "401": false, "5XX": true },
};
const post: OperationInfo = {
  operationId: "createThing",
  method: "POST",
  path: "/things/{id}",
  requestMediaType: "application/x-www-form-urlencoded",
  errorBodies: { default: true },
};

function client(operations: readonly OperationInfo[] = [get, post]) {
  return createApiClient<paths>({ defaultBaseUrl: server.url, operations, maxRetries: 0 });
}

async function errorOf(status: number, body: string, type?: string, method: "GET" | "POST" = "GET") {
  const query = new URLSearchParams({ body, ...(type ? { type } : {}) });
  const fetchThing = (init: Record<string, unknown>) =>
    method === "GET"
      ? client().GET("/things/{id}", init as never)
      : client().POST("/things/{id}", { ...init, body: { name: "x" } } as never);
  const result = await fetchThing({
    params: { path: { id: String(status) } },
    querySerializer: () => query.toString(),
  });
  expect(result.response.status).toBe(status);
  return result.error;
}

describe("errors are a documented body or the fallback text", () => {
  it("keeps a JSON body the spec documents for the status", async () => {
    expect(await errorOf(404, '{"message":"no thing"}')).toEqual({ message: "no thing" });
  });

  it("keeps a JSON body of a documented status range (5XX)", async () => {
    expect(await errorOf(503, '{"message":"down"}')).toEqual({ message: "down" });
  });

  it("turns a JSON body of an undocumented status into its text", async () => {
    expect(await errorOf(409, '{"message":"conflict"}')).toBe('{"message":"conflict"}');
  });

  it("turns a JSON body of a status documented without a body into its text", async () => {
    expect(await errorOf(401, '{"message":"Unauthenticated."}')).toBe('{"message":"Unauthenticated."}');
  });

  it("turns a JSON scalar (the body `42`) into its text even where the status has a body", async () => {
    expect(await errorOf(404, "42")).toBe("42");
  });

  it("keeps a text body as it is", async () => {
    expect(await errorOf(404, "<html>gateway</html>", "text/html")).toBe("<html>gateway</html>");
    expect(await errorOf(500, "oops", "text/plain")).toBe("oops");
  });

  it("names an empty body by its status", async () => {
    expect(await errorOf(401, "")).toBe("401 Unauthorized");
    expect(await errorOf(404, "")).toBe("404 Not Found");
  });

  it("lets `default` document every status the operation does not list", async () => {
    expect(await errorOf(422, '{"message":"invalid"}', undefined, "POST")).toEqual({ message: "invalid" });
  });

  it("leaves a call whose operation the client does not know as openapi-fetch parsed it", async () => {
    const result = await client([]).GET("/things/{id}", {
      params: { path: { id: "409" } },
      querySerializer: () => "body=%7B%22a%22%3A1%7D",
    });
    expect(result.error).toEqual({ a: 1 });
  });
});

describe("request bodies in the operation's media type", () => {
  it("sends a form where the spec says so", async () => {
    await client().POST("/things/{id}", { params: { path: { id: "200" } }, body: { name: "a b" } });
    const sent = server.seen.at(-1)!;
    expect(sent.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(sent.body).toBe("name=a+b");
  });
});
