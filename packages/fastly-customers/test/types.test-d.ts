import { describe, expectTypeOf, it } from "vitest";
import { createFastlyClient, type Customer, type DeleteResponse, type FastlyError, type User } from "../src/index.js";

const fastly = createFastlyClient({ apiToken: "token" });

/** openapi-fetch flattens intersections (`A & B` becomes one object type); compare like with like. */
type Flat<T> = T extends readonly unknown[]
  ? { [K in keyof T]: Flat<T[K]> }
  : T extends object
    ? { [K in keyof T]: T[K] }
    : T;

describe("types flow from the spec", () => {
  it("types getCustomer's data as Customer and its error as Fastly's error body", async () => {
    const { data, error } = await fastly.GET("/customer/{customer_id}", { params: { path: { customer_id: "id" } } });
    expectTypeOf(data).toEqualTypeOf<Flat<Customer> | undefined>();
    expectTypeOf(error).toEqualTypeOf<FastlyError | string | undefined>();
    expectTypeOf(data).not.toEqualTypeOf<Flat<User> | undefined>();
  });

  it("types listUsers as User[] and deleteCustomer as {status}", async () => {
    const users = await fastly.GET("/customer/{customer_id}/users", { params: { path: { customer_id: "id" } } });
    expectTypeOf(users.data).toEqualTypeOf<Flat<User>[] | undefined>();
    const deleted = await fastly.DELETE("/customer/{customer_id}", { params: { path: { customer_id: "id" } } });
    expectTypeOf(deleted.data).toEqualTypeOf<DeleteResponse | undefined>();
  });

  it("keeps the enums", () => {
    expectTypeOf<Customer["billing_network_type"]>().toEqualTypeOf<"public" | "private" | undefined>();
    expectTypeOf<User["role"]>().toEqualTypeOf<
      "user" | "tls_viewer" | "tls_admin" | "billing" | "engineer" | "superuser"
    >();
  });

  it("rejects a missing or wrong path parameter at compile time", () => {
    // @ts-expect-error customer_id is required
    void fastly.GET("/customer/{customer_id}", { params: { path: {} } });
    // @ts-expect-error params are required for this path
    void fastly.GET("/customer/{customer_id}");
    // @ts-expect-error the parameter is named customer_id
    void fastly.GET("/customer/{customer_id}", { params: { path: { id: "x" } } });
    // @ts-expect-error customer_id is a string
    void fastly.GET("/customer/{customer_id}", { params: { path: { customer_id: 42 } } });
    // @ts-expect-error no such path in the spec
    void fastly.GET("/customers");
  });

  it("types updateCustomer's form fields", () => {
    // @ts-expect-error force_sso is a boolean
    void fastly.PUT("/customer/{customer_id}", { params: { path: { customer_id: "x" } }, body: { force_sso: "yes" } });
    void fastly.PUT("/customer/{customer_id}", {
      params: { path: { customer_id: "x" } },
      // @ts-expect-error billing_network_type is public or private
      body: { billing_network_type: "shared" },
    });
    void fastly.PUT("/customer/{customer_id}", { params: { path: { customer_id: "x" } }, body: { force_sso: true } });
  });
});
