import { describe, expectTypeOf, it } from "vitest";
import {
  createCyberSourceClient,
  patchCustomer,
  responseMetaOf,
  type Customer,
  type CyberSourceErrorResponse,
} from "../src/index.js";

const cybersource = createCyberSourceClient({ merchantId: "m", keyId: "k", sharedSecret: "c2VjcmV0" });
const path = { params: { path: { customerId: "ABC" } } };

/** openapi-fetch flattens intersections; compare like with like. */
type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

// openapi-fetch's JSON helpers match only `…/json` keys; these prove the `;charset=utf-8`
// media type still types data and error as the spec's models, not unknown or never.
describe("types from the application/json;charset=utf-8 media type", () => {
  it("types getCustomer's data as Customer and error as the error response", async () => {
    const { data, error } = await cybersource.GET("/tms/v2/customers/{customerId}", path);
    expectTypeOf(data).toEqualTypeOf<Flat<Customer> | undefined>();
    expectTypeOf(data).not.toBeUnknown();
    expectTypeOf<NonNullable<typeof data>>().not.toBeNever();
    expectTypeOf(error).toEqualTypeOf<CyberSourceErrorResponse | string | undefined>();
    expectTypeOf<NonNullable<typeof error>>().not.toBeNever();
  });

  it("types postCustomer's 201 and patchCustomer's 200 as Customer", async () => {
    const created = await cybersource.POST("/tms/v2/customers", { body: { buyerInformation: { email: "x" } } });
    expectTypeOf(created.data).toEqualTypeOf<Flat<Customer> | undefined>();
    const patched = await cybersource.PATCH("/tms/v2/customers/{customerId}", { ...path, body: {} });
    expectTypeOf(patched.data).toEqualTypeOf<Flat<Customer> | undefined>();
    expectTypeOf(patched.error).toEqualTypeOf<CyberSourceErrorResponse | string | undefined>();
  });

  it("types deleteCustomer's 204 as no data", async () => {
    const deleted = await cybersource.DELETE("/tms/v2/customers/{customerId}", path);
    expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
  });

  it("types the request: body fields, if-match and profile-id headers", () => {
    // @ts-expect-error the body is required
    void cybersource.POST("/tms/v2/customers", {});
    // @ts-expect-error merchantCustomerID is a string
    void cybersource.POST("/tms/v2/customers", { body: { buyerInformation: { merchantCustomerID: 42 } } });
    void cybersource.PATCH("/tms/v2/customers/{customerId}", {
      // @ts-expect-error if-match is a string
      params: { path: { customerId: "A" }, header: { "if-match": 1 } },
      body: {},
    });
    // @ts-expect-error customerId is required
    void cybersource.GET("/tms/v2/customers/{customerId}", { params: { path: {} } });
  });

  it("types patchCustomer's result like the client's PATCH", async () => {
    const patched = await patchCustomer(cybersource, "ABC", { buyerInformation: { email: "x" } }, { ifMatch: "E1" });
    expectTypeOf(patched.data).toEqualTypeOf<Flat<Customer> | undefined>();
    expectTypeOf(patched.error).toEqualTypeOf<CyberSourceErrorResponse | string | undefined>();
    // @ts-expect-error ifMatch is the ETag string
    void patchCustomer(cybersource, "ABC", {}, { ifMatch: 1 });
  });

  it("types the ETag and correlation id as strings", async () => {
    const meta = responseMetaOf(await cybersource.GET("/tms/v2/customers/{customerId}", path));
    expectTypeOf(meta.etag).toEqualTypeOf<string | undefined>();
    expectTypeOf(meta.correlationId).toEqualTypeOf<string | undefined>();
  });
});
