import { startMock, type RunningMock } from "@org/customers-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudLxClient, unwrap } from "../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: new URL("../openapi.yaml", import.meta.url).pathname, stateful: true });
});
afterAll(() => mock?.stop());

describe("CloudLX's stateful mock, through the real client", () => {
  it("creates a customer (after the token flow), reads it back, updates it and lists it", async () => {
    const cloudlx = createCloudLxClient({ clientId: "3", clientSecret: "secret", baseUrl: mock.url, maxRetries: 0 });
    const seeded = unwrap(await cloudlx.listCustomers()).customers.length;
    const created = unwrap(
      await cloudlx.createCustomer({
        body: { name: "Ada Networks", currency_iso: "GBP", country_iso: "GB", realms: [1] },
      }),
    );
    expect(created.name).toBe("Ada Networks");
    expect(created.id).toBeGreaterThan(0);

    expect(unwrap(await cloudlx.getCustomer({ customer_id: created.id })).name).toBe("Ada Networks");
    const updated = unwrap(
      await cloudlx.updateCustomer({ customer_id: created.id, body: { name: "Lovelace Networks" } }),
    );
    expect(updated.name).toBe("Lovelace Networks");
    expect(unwrap(await cloudlx.getCustomer({ customer_id: created.id })).name).toBe("Lovelace Networks");

    const listed = unwrap(await cloudlx.listCustomers()).customers;
    expect(listed).toHaveLength(seeded + 1);
    expect(listed.at(-1)).toMatchObject({ id: created.id, name: "Lovelace Networks" });
    // CloudLX documents no delete: an unknown id is what a deleted one would be.
    expect((await cloudlx.getCustomer({ customer_id: created.id + 1000 })).response.status).toBe(404);
  });
});
