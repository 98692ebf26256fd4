import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, createCloudLxClient, TimeoutError } from "../src/index.js";

// A local CloudLX that issues numbered tokens, can revoke one early, and records every call.
let issued = 0;
let revoked = new Set<string>();
let tokenDelayMs = 0;
let refuseClient = false;
let stalledToken = "";
const calls: { path: string; authorization?: string; accept?: string; body: string }[] = [];
const server = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  calls.push({ path: request.url!, authorization: request.headers.authorization, accept: request.headers.accept, body });
  const json = (status: number, value: unknown) => response.writeHead(status, { "content-type": "application/vnd.cloudlx.v1+json" }).end(JSON.stringify(value));
  if (request.url === "/api/oauth2/access-token") {
    if (refuseClient) return json(401, { error: "invalid_client", message: `Client authentication failed for ${new URLSearchParams(body).get("client_secret")}` });
    await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
    return json(200, { token_type: "Bearer", expires_in: 3600, access_token: `token-${++issued}` });
  }
  const token = request.headers.authorization?.replace("Bearer ", "") ?? "";
  if (!token.startsWith("token-") || revoked.has(token)) return json(401, { message: "Unauthenticated." });
  if (token === stalledToken) return; // never answers
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
  calls.length = 0;
  vi.useFakeTimers({ toFake: ["Date"] }); // a controllable clock; timers stay real
  vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

const client = () => createCloudLxClient({ clientId: "app-3", clientSecret: "very-secret-value", baseUrl });
const tokenRequests = () => calls.filter((call) => call.path === "/api/oauth2/access-token");
const get = (cloudlx: ReturnType<typeof client>) => cloudlx.GET("/api/customers/{customer_id}", { params: { path: { customer_id: 915 } } });

describe("client-credentials tokens", () => {
  it("gets a token with the client credentials, in the vendor media type, and reuses it", async () => {
    const cloudlx = client();
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    expect((await get(cloudlx)).data?.name).toBe("seen with token-1");
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]).toMatchObject({ accept: "application/vnd.cloudlx.v1+json", body: "grant_type=client_credentials&client_id=app-3&client_secret=very-secret-value" });
    expect(calls.filter((call) => call.path !== "/api/oauth2/access-token").every((call) => call.accept === "application/vnd.cloudlx.v1+json")).toBe(true);
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
    const result = await cloudlx.PATCH("/api/customers/{customer_id}", { params: { path: { customer_id: 915 } }, body: { name: "renamed" } });
    expect(result.response.status).toBe(200);
    expect(result.data).toMatchObject({ name: "seen with token-2", echo: { name: "renamed" } });
    expect(tokenRequests()).toHaveLength(2);
  });

  it("keeps the call's timeout over the retry with a fresh token", async () => {
    const cloudlx = createCloudLxClient({ clientId: "app-3", clientSecret: "very-secret-value", baseUrl, timeout: 1_000, maxRetries: 0 });
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
});
