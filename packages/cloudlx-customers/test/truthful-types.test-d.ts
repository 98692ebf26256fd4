import { describe, expectTypeOf, it } from "vitest";
import { createCloudLxClient, type OAuthError, type operations } from "../src/index.js";

// The compiler accepts what CloudLX takes and promises what arrives, for every operation.
const cloudlx = createCloudLxClient({ accessToken: "t" });
const customer = { path: { customer_id: 915 } };
const credentials = { grant_type: "client_credentials", client_id: "3", client_secret: "s" } as const;

describe("every operation is covered here", () => {
  it("names each operation of the spec", () => {
    type Covered = "issueAccessToken" | "listCustomers" | "createCustomer" | "getCustomer" | "updateCustomer";
    expectTypeOf<Covered>().toEqualTypeOf<keyof operations>();
  });
});

describe("request bodies take only what CloudLX accepts", () => {
  it("issueAccessToken", () => {
    void cloudlx.POST("/api/oauth2/access-token", { body: credentials });
    void cloudlx.POST("/api/oauth2/access-token", {
      // @ts-expect-error client_secrt is misspelled
      body: { grant_type: "client_credentials", client_id: "3", client_secrt: "s" },
    });
    // @ts-expect-error access_token is what the answer carries, not the request
    void cloudlx.POST("/api/oauth2/access-token", { body: { ...credentials, access_token: "t" } });
  });

  it("createCustomer", () => {
    void cloudlx.POST("/api/customers", { body: { name: "Customer 1", email: "jane@example.com" } });
    // @ts-expect-error id is read-only
    void cloudlx.POST("/api/customers", { body: { name: "Customer 1", id: 3 } });
    // @ts-expect-error emial is misspelled
    void cloudlx.POST("/api/customers", { body: { name: "Customer 1", emial: "jane@example.com" } });
  });

  it("updateCustomer", () => {
    void cloudlx.PATCH("/api/customers/{customer_id}", { params: customer, body: { realms: [1, 2] } });
    // @ts-expect-error id is read-only
    void cloudlx.PATCH("/api/customers/{customer_id}", { params: customer, body: { id: 3 } });
    // @ts-expect-error nme is misspelled
    void cloudlx.PATCH("/api/customers/{customer_id}", { params: customer, body: { nme: "x" } });
  });
});

describe("answers promise what CloudLX always sends", () => {
  it("issueAccessToken: the token, its type and lifetime", async () => {
    const { data } = await cloudlx.POST("/api/oauth2/access-token", { body: credentials });
    if (!data) return;
    expectTypeOf(data.access_token).toEqualTypeOf<string>();
    expectTypeOf(data.expires_in).toEqualTypeOf<number>();
  });

  it("listCustomers, createCustomer, getCustomer, updateCustomer: customers with id, name, currency, country", async () => {
    const list = await cloudlx.GET("/api/customers");
    const listed = list.data?.customers ?? [];
    for (const call of [
      cloudlx.POST("/api/customers", { body: {} }),
      cloudlx.GET("/api/customers/{customer_id}", { params: customer }),
      cloudlx.PATCH("/api/customers/{customer_id}", { params: customer, body: {} }),
    ]) {
      const { data } = await call;
      for (const one of data ? [data, ...listed] : listed) {
        expectTypeOf(one.id).toEqualTypeOf<number>();
        expectTypeOf(one.name).toEqualTypeOf<string>();
        expectTypeOf(one.currency.iso_3).toEqualTypeOf<string>();
        expectTypeOf(one.sub_realms[0]!.has_access).toEqualTypeOf<boolean>();
      }
    }
  });
});

describe("errors are the documented bodies or the fallback text", () => {
  it("issueAccessToken: OAuth's error body", async () => {
    const { error } = await cloudlx.POST("/api/oauth2/access-token", { body: credentials });
    expectTypeOf(error).toEqualTypeOf<OAuthError | string | undefined>();
    if (error && typeof error !== "string") expectTypeOf(error.error).toEqualTypeOf<string>();
  });

  it("the customer operations: CloudLX documents no body, so the text (which `if (error)` can test)", async () => {
    const results = [
      await cloudlx.GET("/api/customers"),
      await cloudlx.POST("/api/customers", { body: {} }),
      await cloudlx.GET("/api/customers/{customer_id}", { params: customer }),
      await cloudlx.PATCH("/api/customers/{customer_id}", { params: customer, body: {} }),
    ];
    for (const { error } of results) {
      expectTypeOf(error).toEqualTypeOf<string | undefined>();
      if (error) expectTypeOf(error).toEqualTypeOf<string>();
    }
  });

  it("error !== undefined narrows data (a 401 documented without a body is a string, never undefined)", async () => {
    const result = await cloudlx.GET("/api/customers/{customer_id}", { params: customer });
    if (result.error !== undefined) {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.error).toEqualTypeOf<string>();
    } else {
      expectTypeOf(result.data).not.toEqualTypeOf<undefined>();
    }
  });
});
