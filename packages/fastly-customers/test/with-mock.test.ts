/**
 * Tests of your own code against mocks of Fastly's API, as the README's "Test your code against a
 * mock" shows them: in-process msw handlers (no port, no process) and the stateful mock server.
 * The release test runs this file in a fresh project that installed the packages from a registry.
 */
import { readFileSync } from "node:fs";
import { clientSpec, startMock } from "@org/customers-mock";
import { mockHandlers } from "@org/customers-mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, createFastlyClient, RateLimitError, TimeoutError, unwrap, type paths } from "../src/index.js";

const spec = clientSpec("fastly");
const customer_id = "x4xCwxxJxGCx123Rx5xTx";

describe("Fastly's in-process handlers (msw)", () => {
  const baseUrl = "https://api.fastly.com";
  const mock = mockHandlers<paths>({ spec: readFileSync(spec, "utf8"), baseUrl });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.clearFaults();
  });
  afterAll(() => server.close());
  const fastly = createFastlyClient({ apiToken: "test-token", baseUrl });

  it("answers every operation with the spec's example, the same each time", async () => {
    const first = unwrap(await fastly.getCustomer({ customer_id }));
    expect(first.id).toBe(customer_id);
    expect(unwrap(await fastly.getCustomer({ customer_id }))).toEqual(first);
    expect(unwrap(await fastly.listUsers({ customer_id })).length).toBeGreaterThan(0);
    expect(unwrap(await fastly.deleteCustomer({ customer_id }))).toEqual({ status: "ok" });
  });

  it("takes a per-test override whose body is type-checked against the spec", async () => {
    server.use(
      mock.http.get("/customer/{customer_id}", ({ params, response }) =>
        response(200).json({
          id: params.customer_id,
          name: "Overridden Ltd",
          created_at: null,
          updated_at: null,
          deleted_at: null,
        }),
      ),
    );
    expect(unwrap(await fastly.getCustomer({ customer_id: "abc" }))).toMatchObject({
      id: "abc",
      name: "Overridden Ltd",
    });
    // @ts-expect-error: a body the spec does not allow (an id is a string) is refused by the types.
    mock.http.get("/customer/{customer_id}", ({ response }) => response(200).json({ id: 42, name: "Ltd" }));
    // @ts-expect-error: a status getCustomer does not document is refused by the types.
    mock.http.get("/customer/{customer_id}", ({ response }) => response(418).empty());
  });

  it("serves the faults the code must survive: retried 503s, a 429 that stays, a cut-off body, a stall", async () => {
    mock.fault("503", { count: 2, retryAfter: 0 });
    expect(unwrap(await fastly.getCustomer({ customer_id })).id).toBe(customer_id);

    mock.fault("429", { count: 10, retryAfter: 0 });
    const limited = await fastly.getCustomer({ customer_id }, { maxRetries: 1 });
    expect(limited.response.status).toBe(429);
    expect(() => unwrap(limited)).toThrow(RateLimitError);
    mock.clearFaults();

    const cut = fastly.getCustomer({ customer_id }, { headers: { "x-mock-fault": "truncate" }, maxRetries: 0 });
    await expect(cut).rejects.toThrow(ConnectionError);

    // A stall never answers: the call's own timeout ends it.
    const stalled = fastly.getCustomer(
      { customer_id },
      { headers: { "x-mock-fault": "stall" }, timeout: 200, maxRetries: 0 },
    );
    await expect(stalled).rejects.toThrow(TimeoutError);
  });
});

describe("Fastly's stateful mock server", () => {
  it("reads the example customer, updates it with a form body, lists its users, deletes it and resets", async () => {
    // Fastly's API creates no customers: the mock starts with the customer of the spec's example.
    const mock = await startMock({ spec, stateful: true });
    try {
      const fastly = createFastlyClient({ apiToken: "test-token", baseUrl: mock.url, maxRetries: 0 });
      const before = unwrap(await fastly.getCustomer({ customer_id }));
      const updated = unwrap(
        await fastly.updateCustomer({
          customer_id,
          body: { name: "Ada Media Ltd", force_2fa: true, billing_ref: null },
        }),
      );
      expect(updated).toMatchObject({ id: customer_id, name: "Ada Media Ltd", force_2fa: true, billing_ref: null });
      expect(updated.updated_at).not.toBe(before.updated_at);
      expect(unwrap(await fastly.getCustomer({ customer_id }))).toMatchObject({
        name: "Ada Media Ltd",
        force_2fa: true,
      });
      expect(unwrap(await fastly.listUsers({ customer_id })).length).toBeGreaterThan(0);

      expect(unwrap(await fastly.deleteCustomer({ customer_id }))).toEqual({ status: "ok" });
      expect((await fastly.getCustomer({ customer_id })).response.status).toBe(404);

      mock.reset();
      expect(unwrap(await fastly.getCustomer({ customer_id })).name).toBe(before.name);
    } finally {
      await mock.stop();
    }
  });
});
