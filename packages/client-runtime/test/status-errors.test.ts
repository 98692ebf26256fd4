import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
  unwrap,
} from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const status = Number(request.url.split("/").pop());
    response
      .writeHead(status, { "content-type": "application/json" })
      .end(JSON.stringify({ message: `status ${status}` }));
  });
});
afterAll(() => server.close());

async function thrownFor(status: number): Promise<unknown> {
  const client = createApiClient<paths>({ defaultBaseUrl: server.url, maxRetries: 0 });
  try {
    unwrap(await client.GET("/things/{id}", { params: { path: { id: String(status) } } }));
  } catch (error) {
    return error;
  }
  throw new Error(`status ${status} did not throw`);
}

describe("unwrap() throws the ApiError subclass of the status", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const)("%i: %o", async (status, ErrorClass) => {
    const error = await thrownFor(status);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: ErrorClass.name, status, body: { message: `status ${status}` } });
  });

  it("throws a plain ApiError for a status without a class of its own", async () => {
    const error = await thrownFor(418);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).name).toBe("ApiError");
  });
});
