import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "node:util";
import {
  ApiError,
  apiErrorOf,
  ConnectionError,
  createApiClient,
  headerAuth,
  TimeoutError,
  unwrap,
  type AuthStrategy,
} from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

const SECRET = "tok_live_5ecr3t";
let origin: Awaited<ReturnType<typeof startTestServer>>;
let elsewhere: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  elsewhere = await startTestServer((_request, response) =>
    response.writeHead(200, { "content-type": "application/json" }).end('{"id":"elsewhere"}'),
  );
  origin = await startTestServer((request, response) => {
    const id = decodeURIComponent(request.url.split("/")[2] ?? "");
    if (id === "away") return response.writeHead(302, { location: `${elsewhere.url}/things/landed` }).end();
    if (id === "home") return response.writeHead(307, { location: "/things/landed" }).end();
    if (id === "loop") return response.writeHead(302, { location: "/things/loop" }).end();
    if (id === "echo-everywhere") {
      const key = String(request.headers["x-key"]);
      return response
        .writeHead(400, `Bad key ${key}`, { "content-type": "application/json", "x-request-id": `req-${key}` })
        .end(JSON.stringify({ message: `bad key ${key}`, code: `E_${key}` }));
    }
    if (id === "echo") {
      return response
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ message: `bad key ${request.headers["x-key"]}` }));
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
  });
});
afterAll(async () => {
  await origin.close();
  await elsewhere.close();
});

// Fixed credential headers, and a strategy that works each request's out as a signature does.
const perRequest: AuthStrategy = {
  headers: ["X-Key"],
  secrets: () => [SECRET],
  authorize: async (request) => void request.headers.set("X-Key", SECRET),
};
const AUTH = { "as fixed headers": { auth: headerAuth({ "X-Key": SECRET }) }, "set per request": { auth: perRequest } };
const clientWith =
  (auth: (typeof AUTH)[keyof typeof AUTH]) =>
  (baseUrl = origin.url) =>
    createApiClient<paths>({
      defaultBaseUrl: baseUrl,
      ...auth,
      headers: { Authorization: `Bearer ${SECRET}` },
    });
const path = (id: string) => ({ params: { path: { id } } });

describe.each(Object.entries(AUTH))("credentials %s", (_, way) => {
  const client = clientWith(way);

  it("are not sent when a redirect leaves the configured origin", async () => {
    const { data } = await client().GET("/things/{id}", path("away"));
    expect(data).toEqual({ id: "elsewhere" });
    const landed = elsewhere.seen.at(-1)!;
    expect(landed.url).toBe("/things/landed");
    expect(landed.headers["x-key"]).toBeUndefined();
    expect(landed.headers.authorization).toBeUndefined();
  });

  it("are kept on a redirect within the origin", async () => {
    const { data } = await client().GET("/things/{id}", path("home"));
    expect(data).toEqual({ id: "landed" });
    expect(origin.seen.at(-1)!.headers["x-key"]).toBe(SECRET);
  });

  it("stops a redirect loop with a RedirectError, without retrying it", async () => {
    const before = origin.seen.length;
    await expect(client().GET("/things/{id}", path("loop"))).rejects.toThrow(
      /was redirected \(302\) and not followed: more than 5 redirects/,
    );
    expect(origin.seen.length - before).toBe(6);
  });

  it("never appear in an ApiError, even when the API echoes them", async () => {
    const result = await client().GET("/things/{id}", path("echo"));
    const error = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return thrown as ApiError;
      }
    })()!;
    expect(error).toBeInstanceOf(ApiError);
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(error.body)}`;
    expect(everything).not.toContain(SECRET);
    expect(error.body).toEqual({ message: "bad key [redacted]" });
  });

  it("never appear in connection or timeout errors", async () => {
    const gone = await startTestServer(() => undefined);
    await gone.close();
    const refused = await client(gone.url)
      .GET("/things/{id}", path("x"))
      .catch((thrown: Error) => thrown);
    expect(refused).toBeInstanceOf(ConnectionError);
    const stalled = await startTestServer(() => undefined);
    const timedOut = await createApiClient<paths>({ defaultBaseUrl: stalled.url, ...way, timeout: 50, maxRetries: 0 })
      .GET("/things/{id}", path("x"))
      .catch((thrown: Error) => thrown);
    await stalled.close();
    expect(timedOut).toBeInstanceOf(TimeoutError);
    for (const error of [refused, timedOut] as Error[])
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(SECRET);
  });

  it("never appear in an error's URL, whichever layer reports it", async () => {
    const gone = await startTestServer(() => undefined);
    await gone.close();
    const inUrl = path(`x-${SECRET}`);
    const errors: Error[] = await Promise.all([
      client(gone.url)
        .GET("/things/{id}", inUrl)
        .then(
          () => new Error("answered"),
          (thrown: Error) => thrown,
        ),
      client()
        .GET("/things/{id}", { ...inUrl, fetch: () => Promise.reject(new TypeError("no network")) })
        .then(
          () => new Error("answered"),
          (thrown: Error) => thrown,
        ),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConnectionError);
      expect(`${error.message} ${JSON.stringify(error)}`).toContain("x-[redacted]");
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(SECRET);
    }
  });
});

describe("no secret out", () => {
  const inspectDeep = (value: unknown) => inspect(value, { depth: 9, showHidden: true });

  it.each(Object.entries(AUTH))(
    "echoed in status text, request id, code and body (%s): redacted from result.error and every form of the ApiError",
    async (_, way) => {
      const result = await clientWith(way)().GET("/things/{id}", path("echo-everywhere"));
      expect(JSON.stringify(result.error)).not.toContain(SECRET);
      const error = apiErrorOf(result);
      expect(error.statusText).toBe("Bad key [redacted]");
      expect(error.requestId).toBe("req-[redacted]");
      for (const form of [error.message, String(error), JSON.stringify(error), inspectDeep(error), error.stack])
        expect(form).not.toContain(SECRET);
    },
  );

  it("redacts a secret from a cause chain, keeping the causes", async () => {
    const leaky = (_url: string) =>
      Promise.reject(
        new TypeError(`fetch failed for ${SECRET}`, { cause: new Error(`connect refused, key ${SECRET}`) }),
      );
    const error = await createApiClient<paths>({
      defaultBaseUrl: origin.url,
      auth: headerAuth({ "X-Key": SECRET }),
      fetch: leaky,
      maxRetries: 0,
    })
      .GET("/things/{id}", path("x"))
      .catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(inspectDeep(error)).not.toContain(SECRET);
    expect((((error as Error).cause as Error).cause as Error).message).toBe("connect refused, key [redacted]");
  });

  it.each(["line\nbreak", "nul\0", " padded", "ünïcødé-✓"])(
    "refuses the credential %j naming the header, never the value",
    (bad) => {
      const refusal = (() => {
        try {
          headerAuth({ "X-Key": `${bad}-value` });
        } catch (thrown) {
          return thrown as Error;
        }
      })();
      expect(refusal).toBeInstanceOf(TypeError);
      expect(refusal!.message).toMatch(/^The credential for the X-Key header is not a valid header value/);
      expect(refusal!.message).not.toContain("-value");
    },
  );
});

describe("path parameters", () => {
  const client = clientWith(AUTH["set per request"]);
  it.each([
    ["../admin", "/things/..%2Fadmin"],
    ["%2e%2e", "/things/%252e%252e"],
    ["a?b=c", "/things/a%3Fb%3Dc"],
    ["a#b", "/things/a%23b"],
    ["ünï/cødé", "/things/%C3%BCn%C3%AF%2Fc%C3%B8d%C3%A9"],
  ])("keep %j inside its own segment", async (id, expected) => {
    const { data } = await client().GET("/things/{id}", path(id));
    expect(origin.seen.at(-1)!.url).toBe(expected);
    expect(data).toEqual({ id });
  });

  it.each([".", "..", ""])("refuse %j, which would change the route", async (id) => {
    const before = origin.seen.length;
    await expect(client().GET("/things/{id}", path(id))).rejects.toThrow(/Path parameter "id" (is empty|cannot be)/);
    expect(origin.seen.length).toBe(before);
  });
});
