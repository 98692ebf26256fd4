import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const spec = fileURLToPath(new URL("./fixtures/customers.yaml", import.meta.url));

describe("startMock", () => {
  it("serves a spec on a free loopback port and stops for good", async () => {
    const mock = await startMock({ spec: spec });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${mock.url}/customer`, { headers: { "X-Api-Key": "k" } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id: "c-1" });
    expect((await fetch(`${mock.url}/customer`)).status).toBe(401);
    await mock.stop();
    await mock.stop();
    await expect(fetch(`${mock.url}/customer`)).rejects.toThrow();
  });

  it("runs two mocks side by side on different ports", async () => {
    const [a, b] = await Promise.all([startMock({ spec: spec }), startMock({ spec: spec })]);
    try {
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("says which spec it could not load", async () => {
    const broken = fileURLToPath(new URL("./fixtures/broken.yaml", import.meta.url));
    await expect(startMock({ spec: broken })).rejects.toThrow(`cannot load ${broken}`);
  });

  it("says when the fixed port is taken", async () => {
    const first = await startMock({ spec: spec });
    const port = Number(new URL(first.url).port);
    try {
      await expect(startMock({ spec: spec, port })).rejects.toThrow(`could not listen on 127.0.0.1:${port}`);
    } finally {
      await first.stop();
    }
  });
});
