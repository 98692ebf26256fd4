import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/index.js";

const spec = fileURLToPath(new URL("./fixtures/customers.yaml", import.meta.url));
const key = { "X-Api-Key": "k" };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec });
});
beforeEach(() => mock.reset());
afterAll(() => mock?.stop());

const get = (headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/customer`, { headers: { ...key, ...headers } });

describe("faults on demand", () => {
  it("fails one request by its x-mock-fault header, with the documented body and Retry-After", async () => {
    const limited = await get({ "x-mock-fault": "429" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ message: "slow down" });
    const unavailable = await get({ "x-mock-fault": "503" });
    expect([unavailable.status, unavailable.headers.get("retry-after"), await unavailable.text()]).toEqual([
      503,
      "1",
      "",
    ]);
    expect((await get()).status).toBe(200);
  });

  it("fails the next calls as asked through fault() and through the control API, then answers again", async () => {
    mock.fault("503", { count: 2, retryAfter: 3 });
    expect((await get()).headers.get("retry-after")).toBe("3");
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);

    const control = await fetch(`${mock.url}/__mock/faults`, {
      method: "POST",
      body: JSON.stringify({ fault: "401" }),
    });
    expect(control.status).toBe(204);
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await get()).status).toBe(200);

    mock.fault("429", { count: 5 });
    await fetch(`${mock.url}/__mock/faults`, { method: "DELETE" });
    expect((await get()).status).toBe(200);
  });

  it("refuses an unknown fault with a 400 that lists the known ones", async () => {
    const answer = await get({ "x-mock-fault": "418" });
    expect(answer.status).toBe(400);
    expect((await answer.json()).message).toBe('Unknown fault "418": one of 429, 503, 401, stall, truncate.');
    const control = await fetch(`${mock.url}/__mock/faults`, {
      method: "POST",
      body: JSON.stringify({ fault: "503", count: 0 }),
    });
    expect(control.status).toBe(400);
    expect(() => mock.fault("boom" as never)).toThrow(TypeError);
  });

  it("cuts a body off mid-way", async () => {
    const answer = await get({ "x-mock-fault": "truncate" });
    expect(answer.status).toBe(200);
    await expect(answer.text()).rejects.toThrow();
  });

  it("stalls a call until the caller gives up, and stops with the stalled call still open", async () => {
    const stalling = await startMock({ spec });
    const caller = new AbortController();
    const call = fetch(`${stalling.url}/customer`, {
      headers: { ...key, "x-mock-fault": "stall" },
      signal: caller.signal,
    });
    // The fault is served once the request arrived: a second call answers, the first still waits.
    expect((await fetch(`${stalling.url}/customer`, { headers: key })).status).toBe(200);
    caller.abort();
    await expect(call).rejects.toThrow(/aborted/i);
    const again = fetch(`${stalling.url}/customer`, { headers: { ...key, "x-mock-fault": "stall" } });
    await stalling.stop();
    await expect(again).rejects.toThrow();
  });
});
