import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { testTempDir } from "../src/test-temp-dir.js";

const fastlySpec = fileURLToPath(new URL("../../../specs/fastly/customers.yaml", import.meta.url));

describe("startMock", () => {
  it("serves a spec on a free loopback port and stops for good", async () => {
    const mock = await startMock({ spec: fastlySpec });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${mock.url}/current_customer`, { headers: { "Fastly-Key": "k" } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: "x4xCwxxJxGCx123Rx5xTx" });
    await mock.stop();
    await mock.stop();
    await expect(fetch(`${mock.url}/current_customer`)).rejects.toThrow();
  });

  it("runs two mocks side by side on different ports", async () => {
    const [a, b] = await Promise.all([startMock({ spec: fastlySpec }), startMock({ spec: fastlySpec })]);
    try {
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("says which spec it could not load", async () => {
    const broken = join(await testTempDir("broken-spec-"), "customers.yaml");
    await writeFile(broken, "openapi: 3.1.0\ninfo: [\n");
    await expect(startMock({ spec: broken })).rejects.toThrow(`Prism cannot load ${broken}`);
  });

  it("says when the fixed port is taken", async () => {
    const first = await startMock({ spec: fastlySpec });
    const port = Number(new URL(first.url).port);
    try {
      await expect(startMock({ spec: fastlySpec, port })).rejects.toThrow(`could not listen on 127.0.0.1:${port}`);
    } finally {
      await first.stop();
    }
  });
});
