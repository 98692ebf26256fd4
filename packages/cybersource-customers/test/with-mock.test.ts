/**
 * Tests of your own code against mocks of CyberSource's API, as the README's "Test your code
 * against a mock" shows them: in-process msw handlers (no port, no process) and the stateful mock
 * server. The release test runs this file in a fresh project that installed the packages from a registry.
 */
import { readFileSync } from "node:fs";
import { clientSpec, startMock } from "@org/customers-mock";
import { mockHandlers } from "@org/customers-mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createCyberSourceClient,
  isPreconditionFailed,
  patchCustomer,
  responseMetaOf,
  ApiError,
  unwrap,
  type paths,
} from "../src/index.js";

const spec = clientSpec("cybersource");
const credentials = {
  merchantId: "testrest",
  keyId: "08c94330-f618-42a3-b09d-e1e43be5efda",
  sharedSecret: "yBJxy6LjM2TmcPGu+GaJrHtkke25fPpUX+UY6/L/1tE=",
};
const body = { buyerInformation: { merchantCustomerID: "cust-42", email: "ada@example.com" } };

describe("CyberSource's in-process handlers (msw)", () => {
  const baseUrl = "https://apitest.cybersource.com";
  const mock = mockHandlers<paths>({ spec: readFileSync(spec, "utf8"), baseUrl });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    mock.clearFaults();
  });
  afterAll(() => server.close());
  const cybersource = createCyberSourceClient({ ...credentials, baseUrl });

  it("creates a customer from the example, and a create that meets a 503 is not retried (not idempotent)", async () => {
    const created = await cybersource.POST("/tms/v2/customers", { body });
    expect(created.response.status).toBe(201);
    expect(unwrap(created).id).toBe("D9F340DD3DB9C276E053A2598D0A41A3");
    mock.fault("503", { count: 1, retryAfter: 0 });
    const failed = await cybersource.POST("/tms/v2/customers", { body });
    expect(failed.response.status).toBe(503);
    expect(() => unwrap(failed)).toThrow(ApiError);
    expect(unwrap(await cybersource.POST("/tms/v2/customers", { body })).id).toBeDefined();
  });

  it("takes a per-test override whose body is type-checked against the spec", async () => {
    server.use(mock.http.get("/tms/v2/customers/{customerId}", ({ response }) => response(410).json({ errors: [] })));
    const gone = await cybersource.GET("/tms/v2/customers/{customerId}", { params: { path: { customerId: "X" } } });
    expect(gone.response.status).toBe(410);
    // @ts-expect-error: an answer the spec does not document is refused by the types.
    mock.http.get("/tms/v2/customers/{customerId}", ({ response }) => response(401).empty());
  });
});

describe("CyberSource's stateful mock server", () => {
  it("creates a customer, reads it back, honours If-Match on update, and deletes it", async () => {
    const mock = await startMock({ spec, stateful: true });
    try {
      const cybersource = createCyberSourceClient({ ...credentials, baseUrl: mock.url, maxRetries: 0 });
      const createdResult = await cybersource.POST("/tms/v2/customers", { body });
      const created = unwrap(createdResult);
      expect(createdResult.response.status).toBe(201);
      expect(created.id).toMatch(/^[0-9A-F]{32}$/);
      const { etag, location } = responseMetaOf(createdResult);
      expect(location).toBe(`/tms/v2/customers/${created.id}`);

      const path = { params: { path: { customerId: created.id! } } };
      const read = await cybersource.GET("/tms/v2/customers/{customerId}", path);
      expect(unwrap(read).buyerInformation).toEqual(body.buyerInformation);
      expect(responseMetaOf(read).etag).toBe(etag);

      const change = { buyerInformation: { merchantCustomerID: "cust-42", email: "lovelace@example.com" } };
      const stale = await patchCustomer(cybersource, created.id!, change, { ifMatch: "0BADBADBAD00" });
      expect(stale.response.status).toBe(412);
      expect(isPreconditionFailed(stale)).toBe(true);
      const updated = await patchCustomer(cybersource, created.id!, change, { ifMatch: etag! });
      expect(unwrap(updated).buyerInformation?.email).toBe("lovelace@example.com");
      expect(responseMetaOf(updated).etag).not.toBe(etag);

      expect((await cybersource.DELETE("/tms/v2/customers/{customerId}", path)).response.status).toBe(204);
      expect((await cybersource.GET("/tms/v2/customers/{customerId}", path)).response.status).toBe(404);
    } finally {
      await mock.stop();
    }
  });
});
