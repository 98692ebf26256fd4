/**
 * Tests of your own code against mocks of CloudLX's API, as the README's "Test your code against a
 * mock" shows them: in-process msw handlers (no port, no process) and the stateful mock server.
 * The release test runs this file in a fresh project that installed the packages from a registry.
 */
import { readFileSync } from "node:fs";
import { clientSpec, startMock } from "@org/customers-mock";
import { mockHandlers } from "@org/customers-mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCloudLxClient, unwrap, type paths } from "../src/index.js";

const spec = clientSpec("cloudlx");

describe("CloudLX's in-process handlers (msw)", () => {
  const baseUrl = "https://cloudlx.epsilontel.com";
  const mock = mockHandlers<paths>({ spec: readFileSync(spec, "utf8"), baseUrl });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.clearFaults();
  });
  afterAll(() => server.close());

  it("gets a token, lists the example customers, and gets a new token when the old one expired (401)", async () => {
    const cloudlx = createCloudLxClient({ clientId: "3", clientSecret: "secret", baseUrl });
    const listed = unwrap(await cloudlx.listCustomers()).customers;
    expect(listed.length).toBeGreaterThan(0);
    mock.fault("401");
    expect(unwrap(await cloudlx.listCustomers()).customers).toEqual(listed);
  });

  it("takes a per-test override whose body is type-checked against the spec", async () => {
    server.use(mock.http.get("/api/customers", ({ response }) => response(200).json({ customers: [] })));
    const cloudlx = createCloudLxClient({ accessToken: "test-token", baseUrl });
    expect(unwrap(await cloudlx.listCustomers()).customers).toEqual([]);
    // @ts-expect-error: a customer without its required fields is refused by the types.
    mock.http.get("/api/customers", ({ response }) => response(200).json({ customers: [{ id: 1 }] }));
  });
});

describe("CloudLX's stateful mock server", () => {
  it("creates a customer (after the token flow), reads it back, updates it and lists it", async () => {
    const mock = await startMock({ spec, stateful: true });
    try {
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
      // CloudLX documents no delete: an unknown id answers 404, as a deleted one would.
      expect((await cloudlx.getCustomer({ customer_id: created.id + 1000 })).response.status).toBe(404);
    } finally {
      await mock.stop();
    }
  });
});
