import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConnectionError,
  createCloudLxClient,
  RedirectError,
  TimeoutError,
  unwrap,
  type RequestPolicy,
} from "../src/index.js";

// A local CloudLX that issues numbered tokens, can revoke one early, and records every call.
let issued = 0;
let revoked = new Set<string>();
let tokenDelayMs = 0;
let refuseClient = false;
let stalledToken = "";
let tokenRedirect = "";
let tokenStalls = false;
let tokenLifetime = 3600;
const calls: {
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
  userAgent: string | undefined;
  body: string;
}[] = [];
const server = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  calls.push({
    path: request.url!,
    authorization: request.headers.authorization,
    accept: request.headers.accept,
    userAgent: request.headers["user-agent"],
    body,
  });
  const json = (status: number, value: unknown) =>
    response.writeHead(status, { "content-type": "application/vnd.cloudlx.v1+json" }).end(JSON.stringify(value));
  if (request.url === "/api/oauth2/access-token") {
    if (tokenRedirect) return response.writeHead(307, { location: tokenRedirect }).end();
    if (tokenStalls) return; // never answers
    if (refuseClient)
      return json(401, {
        error: "invalid_client",
        message: `Client authentication failed for ${new URLSearchParams(body).get("client_secret")}`,
      });
    await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
    return json(200, { token_type: "Bearer", expires_in: tokenLifetime, access_token: `token-${++issued}` });
  }
  const token = request.headers.authorization?.replace("Bearer ", "") ?? "";
  if (!token.startsWith("token-") || revoked.has(token)) return json(401, { message: "Unauthenticated." });
  if (token === stalledToken) return; // never answers
  if (request.url === "/api/customers/400") return json(400, { message: `invalid request with ${token}` });
  if (request.url === "/api/customers/503") return json(503, { message: `unavailable for ${token}` });
  json(200, { id: 915, name: `seen with ${token}`, echo: body ? JSON.parse(body) : null });
});

let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((closed) => server.close(() => closed()));
});
beforeEach(() => {
  issued = 0;
  revoked = new Set();
  tokenDelayMs = 0;
  refuseClient = false;
  stalledToken = "";
  tokenRedirect = "";
  tokenStalls = false;
  tokenLifetime = 3600;
  calls.length = 0;
  vi.useFakeTimers({ toFake: ["Date"] }); // a controllable clock; timers stay real
  vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

const client = () => createCloudLxClient({ clientId: "app-3", clientSecret: "very-secret-value", baseUrl });
const tokenRequests = () => calls.filter((call) => call.path === "/api/oauth2/access-token");
const get = (
  cloudlx: ReturnType<typeof client>,
  customer_id = 915,
  init: RequestPolicy & { signal?: AbortSignal } = {},
) => cloudlx.GET("/api/customers/{customer_id}", { params: { path: { customer_id } }, ...init });

describe("client-credentials tokens", () => {
  it("gets a token with the client credentials, in the vendor media type, and reuses it", async () => {
    const cloudlx = client();
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]).toMatchObject({
      accept: "application/vnd.cloudlx.v1+json",
      body: "grant_type=client_credentials&client_id=app-3&client_secret=very-secret-value",
    });
    expect(
      calls
        .filter((call) => call.path !== "/api/oauth2/access-token")
        .every((call) => call.accept === "application/vnd.cloudlx.v1+json"),
    ).toBe(true);
  });

  it("keeps the token until shortly before its 3600 s expire, then renews it", async () => {
    const cloudlx = client();
    await get(cloudlx);
    vi.setSystemTime(new Date("2026-11-23T10:58:59Z")); // 61 s before expiry: still good
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    vi.setSystemTime(new Date("2026-11-23T10:59:30Z")); // 30 s before expiry: renew
    expect((await get(cloudlx)).data?.name).toBe("seen with token-2");
    expect(tokenRequests()).toHaveLength(2);
  });

  it("retries once with a fresh token after a 401, replaying the body", async () => {
    const cloudlx = client();
    await get(cloudlx);
    revoked.add("token-1");
    const result = await cloudlx.PATCH("/api/customers/{customer_id}", {
      params: { path: { customer_id: 915 } },
      body: { name: "renamed" },
    });
    expect(result.response.status).toBe(200);
    expect(result.data).toMatchObject({ name: "seen with token-2", echo: { name: "renamed" } });
    expect(tokenRequests()).toHaveLength(2);
  });

  it("keeps the call's timeout over the retry with a fresh token", async () => {
    const cloudlx = createCloudLxClient({
      clientId: "app-3",
      clientSecret: "very-secret-value",
      baseUrl,
      timeout: 1_000,
      maxRetries: 0,
    });
    await get(cloudlx);
    revoked.add("token-1");
    stalledToken = "token-2";
    await expect(get(cloudlx)).rejects.toThrowError(TimeoutError);
  });

  it("retries only once: a second 401 comes back as the answer", async () => {
    const cloudlx = client();
    await get(cloudlx);
    revoked = new Set(["token-1", "token-2", "token-3"]);
    const result = await get(cloudlx);
    expect(result.response.status).toBe(401);
    // CloudLX documents no 401 body, so whatever it sends arrives as text, as the error type says.
    expect(result.error).toBe('{"message":"Unauthenticated."}');
    expect(tokenRequests()).toHaveLength(2);
  });

  it("shares one token request among concurrent calls", async () => {
    tokenDelayMs = 100;
    const cloudlx = client();
    const results = await Promise.all(Array.from({ length: 5 }, () => get(cloudlx)));
    expect(results.map((result) => result.data?.name)).toEqual(Array(5).fill("seen with token-1"));
    expect(tokenRequests()).toHaveLength(1);
  });

  it("reports refused client credentials as an ApiError from the token endpoint, without the secret", async () => {
    refuseClient = true;
    const error = await get(client()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, method: "POST", url: `${baseUrl}/api/oauth2/access-token` });
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain("very-secret-value");
  });

  it("sends a given access token as is, and does not retry it", async () => {
    const cloudlx = createCloudLxClient({ accessToken: "token-static", baseUrl });
    revoked.add("token-static");
    expect((await get(cloudlx)).response.status).toBe(401);
    expect(tokenRequests()).toHaveLength(0);
  });

  it("reuses a token that lives less than the renew margin for half its life, not once per call", async () => {
    tokenLifetime = 30; // under the 60 s margin
    const cloudlx = client();
    await get(cloudlx);
    vi.setSystemTime(new Date("2026-11-23T10:00:14Z"));
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    vi.setSystemTime(new Date("2026-11-23T10:00:16Z"));
    expect((await get(cloudlx)).data?.name).toBe("seen with token-2");
    expect(tokenRequests()).toHaveLength(2);
  });
});

describe("the token request is a step of the call's pipeline", () => {
  it("never follows a redirect to another origin: the secret stays home and the call fails clearly", async () => {
    const elsewhere: string[] = [];
    const thief = createServer((request, response) => {
      let body = "";
      request
        .on("data", (chunk) => (body += chunk))
        .on("end", () => {
          elsewhere.push(body);
          response
            .writeHead(200, { "content-type": "application/json" })
            .end('{"access_token":"stolen","expires_in":3600}');
        });
    });
    await new Promise<void>((listening) => thief.listen(0, "127.0.0.1", listening));
    try {
      tokenRedirect = `http://127.0.0.1:${(thief.address() as AddressInfo).port}/collect`;
      const error = await get(client()).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toBe(
        `POST ${baseUrl}/api/oauth2/access-token was redirected (307) and not followed: a credentials request never leaves ${baseUrl}`,
      );
      expect(elsewhere).toEqual([]);
      expect(calls.filter((call) => call.path !== "/api/oauth2/access-token")).toEqual([]);
    } finally {
      thief.closeAllConnections();
      await new Promise<void>((closed) => thief.close(() => closed()));
    }
  });

  it("obeys the call's timeout, and the TimeoutError names it", async () => {
    tokenStalls = true;
    const error = await get(client(), 915, { timeout: 1_000, maxRetries: 0 }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_000, method: "GET", url: `${baseUrl}/api/customers/915` });
    expect((error as Error).message).toMatch(/within the 1000 ms timeout per attempt$/);
  });

  it("obeys the caller's AbortSignal", async () => {
    tokenStalls = true;
    const controller = new AbortController();
    const call = get(client(), 915, { signal: controller.signal, timeout: 60_000 });
    await vi.waitUntil(() => tokenRequests().length === 1);
    controller.abort();
    await expect(call).rejects.toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  it("lets a waiting call ask again when the call whose token request it shared is aborted", async () => {
    tokenStalls = true;
    const controller = new AbortController();
    const first = get(client(), 915, { signal: controller.signal });
    const cloudlx = client();
    const aborted = get(cloudlx, 915, { signal: controller.signal });
    await vi.waitUntil(() => tokenRequests().length === 2);
    const waiting = get(cloudlx, 915, { maxRetries: 0 });
    tokenStalls = false;
    controller.abort();
    await Promise.allSettled([first, aborted]);
    expect((await waiting).data?.name).toMatch(/^seen with token-/);
  });

  it("sends the package's User-Agent and is logged like any request", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (line: string) => lines.push(line),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    };
    await get(
      createCloudLxClient({ clientId: "app-3", clientSecret: "very-secret-value", baseUrl, logger, logLevel: "debug" }),
    );
    expect(calls[0]?.userAgent).toMatch(/^@org\/cloudlx-customers\/\S+ node\/\d+\.\d+$/);
    expect(lines[0]).toMatch(
      new RegExp(`^@org/cloudlx-customers POST ${baseUrl}/api/oauth2/access-token → 200 \\(attempt 1, \\d+ ms\\)$`),
    );
    expect(lines[1]).toMatch(new RegExp(`^@org/cloudlx-customers GET ${baseUrl}/api/customers/915 → 200`));
  });

  it("fails as any call fails when the token endpoint is unreachable: a ConnectionError", async () => {
    const gone = createServer();
    await new Promise<void>((listening) => gone.listen(0, "127.0.0.1", listening));
    const goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    await new Promise<void>((closed) => gone.close(() => closed()));
    const error = await get(
      createCloudLxClient({ clientId: "app-3", clientSecret: "very-secret-value", baseUrl: goneUrl, maxRetries: 0 }),
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(`^POST ${goneUrl}/api/oauth2/access-token got no answer: .*ECONNREFUSED`),
    );
  });

  it.each([400, 503])("treats the issued token as a secret: echoed in a %i body it is redacted", async (status) => {
    const result = await get(client(), status, { maxRetries: 0 });
    expect(result.response.status).toBe(status);
    expect(JSON.stringify(result.error)).not.toContain("token-1");
    expect(() => unwrap(result)).toThrow(/\[redacted\]/);
    expect(() => unwrap(result)).not.toThrow(/token-1/);
  });
});
