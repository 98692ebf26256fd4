import { describe, expectTypeOf, it } from "vitest";
import { createCloudLxClient, type AccessToken, type Customer, type CustomerList } from "../src/index.js";

const cloudlx = createCloudLxClient({ accessToken: "t" });
type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

// openapi-fetch's JSON helpers match only `…/json` keys; these prove that answers in
// `application/vnd.cloudlx.v1+json` are still typed as the spec's models.
describe("types from the vendor media type", () => {
  it("types the list, a customer, a create and an update", async () => {
    const list = await cloudlx.GET("/api/customers");
    expectTypeOf(list.data).toEqualTypeOf<CustomerList | undefined>();
    expectTypeOf(list.data).not.toBeUnknown();
    const one = await cloudlx.GET("/api/customers/{customer_id}", { params: { path: { customer_id: 1 } } });
    expectTypeOf(one.data).toEqualTypeOf<Flat<Customer> | undefined>();
    expectTypeOf<NonNullable<typeof one.data>>().not.toBeNever();
    const created = await cloudlx.POST("/api/customers", { body: { name: "n" } });
    expectTypeOf(created.data).toEqualTypeOf<Flat<Customer> | undefined>();
    const updated = await cloudlx.PATCH("/api/customers/{customer_id}", {
      params: { path: { customer_id: 1 } },
      body: {},
    });
    expectTypeOf(updated.data).toEqualTypeOf<Flat<Customer> | undefined>();
  });

  it("types the token answer", async () => {
    const token = await cloudlx.POST("/api/oauth2/access-token", {
      body: { grant_type: "client_credentials", client_id: "c", client_secret: "s" },
    });
    expectTypeOf(token.data).toEqualTypeOf<AccessToken | undefined>();
  });

  it("types the request side", () => {
    // @ts-expect-error customer_id is an integer
    void cloudlx.GET("/api/customers/{customer_id}", { params: { path: { customer_id: "915" } } });
    void cloudlx.PATCH("/api/customers/{customer_id}", {
      params: { path: { customer_id: 1 } },
      // @ts-expect-error realms are ids
      body: { realms: ["Default"] },
    });
    void cloudlx.POST("/api/oauth2/access-token", {
      // @ts-expect-error grant_type is client_credentials
      body: { grant_type: "password", client_id: "c", client_secret: "s" },
    });
  });

  it("takes an access token or client credentials, not both", () => {
    // @ts-expect-error either accessToken or clientId + clientSecret
    createCloudLxClient({ accessToken: "t", clientId: "c", clientSecret: "s" });
    // Either part of the client credentials may come from its variable (CLOUDLX_CLIENT_SECRET).
    createCloudLxClient({ clientId: "c" });
  });
});
