import { startMock, type RunningMock } from "@org/customers-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKoronaCloudClient, listCustomerPages, unwrap } from "../src/index.js";

const accountId = "8a8c3e3e-6f1d-4b52-9f4c-2f0d6b3c1a77";
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: new URL("../openapi.yaml", import.meta.url).pathname, stateful: true });
});
afterAll(() => mock?.stop());

describe("KORONA.cloud's stateful mock, through the real client", () => {
  it("creates, reads, updates, pages through and deletes customers", async () => {
    const korona = createKoronaCloudClient({ username: "u", password: "p", baseUrl: mock.url, maxRetries: 0 });
    const account = { params: { path: { accountId } } };
    const seeded = unwrap(await korona.GET("/accounts/{accountId}/customers", account)).resultsTotal;

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
    const gone = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one);
    expect(gone.response.status).toBe(404);
    expect(unwrap(await korona.GET("/accounts/{accountId}/customers", account)).resultsTotal).toBe(seeded + 24);
  });
});
