import { startMock, type RunningMock } from "@org/customers-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFastlyClient, unwrap } from "../src/index.js";

// Fastly's API creates no customers: its mock starts with the customer of the spec's example.
const customer_id = "x4xCwxxJxGCx123Rx5xTx";
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: new URL("../openapi.yaml", import.meta.url).pathname, stateful: true });
});
afterAll(() => mock?.stop());

describe("Fastly's stateful mock, through the real client", () => {
  it("reads the example customer, updates it with a form body, lists its users and deletes it", async () => {
    const fastly = createFastlyClient({ apiToken: "mock", baseUrl: mock.url, maxRetries: 0 });
    const before = unwrap(await fastly.getCustomer({ customer_id }));
    const updated = unwrap(
      await fastly.updateCustomer({ customer_id, body: { name: "Ada Media Ltd", force_2fa: true, billing_ref: null } }),
    );
    expect(updated).toMatchObject({ id: customer_id, name: "Ada Media Ltd", force_2fa: true, billing_ref: null });
    expect(updated.updated_at).not.toBe(before.updated_at);
    expect(unwrap(await fastly.getCustomer({ customer_id }))).toMatchObject({ name: "Ada Media Ltd", force_2fa: true });
    expect(unwrap(await fastly.listUsers({ customer_id })).length).toBeGreaterThan(0);

    expect(unwrap(await fastly.deleteCustomer({ customer_id }))).toEqual({ status: "ok" });
    expect((await fastly.getCustomer({ customer_id })).response.status).toBe(404);

    mock.reset();
    expect(unwrap(await fastly.getCustomer({ customer_id })).name).toBe(before.name);
  });
});
