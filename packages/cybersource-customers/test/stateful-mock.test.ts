import { startMock, type RunningMock } from "@org/customers-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCyberSourceClient, isPreconditionFailed, patchCustomer, responseMetaOf, unwrap } from "../src/index.js";

const credentials = {
  merchantId: "testrest",
  keyId: "08c94330-f618-42a3-b09d-e1e43be5efda",
  sharedSecret: "yBJxy6LjM2TmcPGu+GaJrHtkke25fPpUX+UY6/L/1tE=",
};
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: new URL("../openapi.yaml", import.meta.url).pathname, stateful: true });
});
afterAll(() => mock?.stop());

describe("CyberSource's stateful mock, through the real client", () => {
  it("creates a customer, reads it back, honours If-Match on update, and deletes it", async () => {
    const cybersource = createCyberSourceClient({ ...credentials, baseUrl: mock.url, maxRetries: 0 });
    const createdResult = await cybersource.POST("/tms/v2/customers", {
      body: { buyerInformation: { merchantCustomerID: "cust-42", email: "ada@example.com" } },
    });
    const created = unwrap(createdResult);
    expect(createdResult.response.status).toBe(201);
    expect(created.id).toMatch(/^[0-9A-F]{32}$/);
    expect(created.id).not.toBe("D9F340DD3DB9C276E053A2598D0A41A3");
    const { etag, location } = responseMetaOf(createdResult);
    expect(location).toBe(`/tms/v2/customers/${created.id}`);

    const path = { params: { path: { customerId: created.id! } } };
    const read = await cybersource.GET("/tms/v2/customers/{customerId}", path);
    expect(unwrap(read).buyerInformation).toEqual({ merchantCustomerID: "cust-42", email: "ada@example.com" });
    expect(responseMetaOf(read).etag).toBe(etag);

    const stale = await patchCustomer(
      cybersource,
      created.id!,
      { buyerInformation: { email: "x@example.com" } },
      { ifMatch: "0BADBADBAD00" },
    );
    expect(stale.response.status).toBe(412);
    expect(isPreconditionFailed(stale)).toBe(true);

    const updated = await patchCustomer(
      cybersource,
      created.id!,
      { buyerInformation: { merchantCustomerID: "cust-42", email: "lovelace@example.com" } },
      { ifMatch: etag! },
    );
    expect(unwrap(updated).buyerInformation?.email).toBe("lovelace@example.com");
    expect(responseMetaOf(updated).etag).not.toBe(etag);

    expect((await cybersource.DELETE("/tms/v2/customers/{customerId}", path)).response.status).toBe(204);
    expect((await cybersource.GET("/tms/v2/customers/{customerId}", path)).response.status).toBe(404);
  });
});
