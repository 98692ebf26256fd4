/**
 * Tests of your own code against mocks of KORONA.cloud's API, as the README's "Test your code
 * against a mock" shows them: in-process msw handlers (no port, no process) and the stateful mock
 * server. The release test runs this file in a fresh project that installed the packages from a registry.
 */
import { readFileSync } from "node:fs";
import { clientSpec, startMock } from "@org/customers-mock";
import { mockHandlers } from "@org/customers-mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createKoronaCloudClient, listCustomerPages, RateLimitError, unwrap, type paths } from "../src/index.js";

const spec = clientSpec("koronacloud");
const accountId = "8a8c3e3e-6f1d-4b52-9f4c-2f0d6b3c1a77";
const account = { params: { path: { accountId } } };

describe("KORONA.cloud's in-process handlers (msw)", () => {
  const baseUrl = "https://www.koronacloud.com/web/api/v3";
  const mock = mockHandlers<paths>({ spec: readFileSync(spec, "utf8"), baseUrl });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.clearFaults();
  });
  afterAll(() => server.close());
  const korona = createKoronaCloudClient({ username: "u", password: "p", baseUrl });

  it("lists the example page, and survives a 429 with Retry-After by retrying", async () => {
    const page = unwrap(await korona.GET("/accounts/{accountId}/customers", account))!;
    expect(page.results.length).toBeGreaterThan(0);
    mock.fault("429", { retryAfter: 0 });
    expect(unwrap(await korona.GET("/accounts/{accountId}/customers", account))).toEqual(page);
    mock.fault("429", { count: 5, retryAfter: 0 });
    const limited = await korona.GET("/accounts/{accountId}/customers", { ...account, maxRetries: 0 });
    expect(() => unwrap(limited)).toThrow(RateLimitError);
  });

  it("takes a per-test override whose body is type-checked against the spec", async () => {
    server.use(mock.http.get("/accounts/{accountId}/customers", ({ response }) => response(204).empty()));
    expect((await korona.GET("/accounts/{accountId}/customers", account)).response.status).toBe(204);
    // @ts-expect-error: a page without its required fields is refused by the types.
    mock.http.get("/accounts/{accountId}/customers", ({ response }) => response(200).json({ results: [] }));
  });
});

describe("KORONA.cloud's stateful mock server", () => {
  it("creates, reads, updates, pages through and deletes customers", async () => {
    const mock = await startMock({ spec, stateful: true });
    try {
      const korona = createKoronaCloudClient({ username: "u", password: "p", baseUrl: mock.url, maxRetries: 0 });
      const seeded = unwrap(await korona.GET("/accounts/{accountId}/customers", account))!.resultsTotal;
      const created = unwrap(
        await korona.POST("/accounts/{accountId}/customers", {
          ...account,
          body: Array.from({ length: 25 }, (_, index) => ({
            number: `N-${index}`,
            firstname: "Ada",
            lastname: `Test ${index}`,
          })),
        }),
      );
      expect(created).toHaveLength(25);
      expect(created.every((result) => result.action === "ADDED" && result.status === "OK" && result.id)).toBe(true);
      const id = created[3]!.id!;

      const one = { params: { path: { accountId, customerIdOrNumber: id } } };
      expect(unwrap(await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one))).toMatchObject({
        id,
        number: "N-3",
        lastname: "Test 3",
      });
      const byNumber = { params: { path: { accountId, customerIdOrNumber: "N-3" } } };
      expect(unwrap(await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", byNumber)).id).toBe(id);

      const update = await korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
        ...one,
        body: { lastname: "Lovelace" },
      });
      expect(update.response.status).toBe(204);
      expect(unwrap(await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one)).lastname).toBe(
        "Lovelace",
      );

      const pages = [];
      for await (const page of listCustomerPages(korona, accountId, { size: 10 })) pages.push(page);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.map((page) => page.currentPage)).toEqual(pages.map((_, index) => index + 1));
      expect(pages.flatMap((page) => page.results).length).toBe(seeded + 25);

      expect((await korona.DELETE("/accounts/{accountId}/customers/{customerIdOrNumber}", one)).response.status).toBe(
        204,
      );
      expect((await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one)).response.status).toBe(404);
      expect(unwrap(await korona.GET("/accounts/{accountId}/customers", account))!.resultsTotal).toBe(seeded + 24);
    } finally {
      await mock.stop();
    }
  });
});
