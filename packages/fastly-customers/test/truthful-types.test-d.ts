import { describe, expectTypeOf, it } from "vitest";
import { createFastlyClient, type FastlyError, type operations } from "../src/index.js";

// The compiler accepts what Fastly takes and promises what arrives, for every operation.
const fastly = createFastlyClient({ apiToken: "token" });
const customer = { path: { customer_id: "x4xCwxxJxGCx123Rx5xTx" } };

describe("every operation is covered here", () => {
  it("names each operation of the spec", () => {
    type Covered = "getLoggedInCustomer" | "getCustomer" | "updateCustomer" | "deleteCustomer" | "listUsers";
    expectTypeOf<Covered>().toEqualTypeOf<keyof operations>();
  });
});

describe("request bodies take only what Fastly accepts", () => {
  it("updateCustomer", () => {
    void fastly.PUT("/customer/{customer_id}", { params: customer, body: { name: "Example", force_sso: true } });
    // @ts-expect-error id is read-only (only answers carry it)
    void fastly.PUT("/customer/{customer_id}", { params: customer, body: { id: "x" } });
    // @ts-expect-error can_upload_vcl is read-only
    void fastly.PUT("/customer/{customer_id}", { params: customer, body: { can_upload_vcl: true } });
    // @ts-expect-error nme is misspelled
    void fastly.PUT("/customer/{customer_id}", { params: customer, body: { nme: "x" } });
  });

  it("parameters, too", () => {
    // @ts-expect-error customerId is not the parameter's name
    void fastly.GET("/customer/{customer_id}", { params: { path: { customer_id: "x", customerId: "x" } } });
  });
});

describe("answers promise what Fastly always sends", () => {
  it("getLoggedInCustomer, getCustomer, updateCustomer: a customer with id, name and timestamps", async () => {
    for (const call of [
      fastly.GET("/current_customer"),
      fastly.GET("/customer/{customer_id}", { params: customer }),
      fastly.PUT("/customer/{customer_id}", { params: customer, body: {} }),
    ]) {
      const { data } = await call;
      if (!data) continue;
      expectTypeOf(data.id).toEqualTypeOf<string>();
      expectTypeOf(data.name).toEqualTypeOf<string>();
      expectTypeOf(data.created_at).toEqualTypeOf<string | null>();
      expectTypeOf(data.deleted_at).toEqualTypeOf<string | null>();
    }
  });

  it("listUsers: users with id, login, name, role and customer_id", async () => {
    const { data } = await fastly.GET("/customer/{customer_id}/users", { params: customer });
    if (!data) return;
    expectTypeOf(data[0]!.login).toEqualTypeOf<string>();
    expectTypeOf(data[0]!.customer_id).toEqualTypeOf<string>();
    expectTypeOf(data[0]!.role).toEqualTypeOf<
      "user" | "tls_viewer" | "tls_admin" | "billing" | "engineer" | "superuser"
    >();
  });

  it("deleteCustomer: a status", async () => {
    const { data } = await fastly.DELETE("/customer/{customer_id}", { params: customer });
    if (data) expectTypeOf(data.status).toEqualTypeOf<string>();
  });
});

describe("errors are Fastly's documented body or the fallback text", () => {
  it("for every operation", async () => {
    const results = [
      await fastly.GET("/current_customer"),
      await fastly.GET("/customer/{customer_id}", { params: customer }),
      await fastly.PUT("/customer/{customer_id}", { params: customer, body: {} }),
      await fastly.DELETE("/customer/{customer_id}", { params: customer }),
      await fastly.GET("/customer/{customer_id}/users", { params: customer }),
    ];
    for (const { error } of results) {
      expectTypeOf(error).toEqualTypeOf<FastlyError | string | undefined>();
      if (error && typeof error !== "string") expectTypeOf(error.msg).toEqualTypeOf<string>();
    }
  });
});
