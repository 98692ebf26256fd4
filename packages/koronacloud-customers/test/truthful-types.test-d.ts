import { describe, expectTypeOf, it } from "vitest";
import { createKoronaCloudClient, type KoronaError, type operations } from "../src/index.js";

// Issue: the compiler accepts what the API takes and promises what arrives, for every operation.
const korona = createKoronaCloudClient({ username: "u", password: "p" });
const account = { path: { accountId: "a" } };
const one = { path: { accountId: "a", customerIdOrNumber: "10001" } };

describe("every operation is covered here", () => {
  it("names each operation of the spec", () => {
    type Covered =
      | "getCustomers"
      | "addCustomers"
      | "updateCustomers"
      | "deleteCustomers"
      | "getCustomer"
      | "updateCustomer"
      | "deleteCustomer";
    expectTypeOf<Covered>().toEqualTypeOf<keyof operations>();
  });
});

describe("request bodies take only what KORONA accepts", () => {
  it("addCustomers", () => {
    void korona.POST("/accounts/{accountId}/customers", {
      params: account,
      body: [{ number: "1", firstname: "Jane" }],
    });
    // @ts-expect-error revision is read-only
    void korona.POST("/accounts/{accountId}/customers", { params: account, body: [{ number: "1", revision: 3 }] });
    // @ts-expect-error firstnme is misspelled
    void korona.POST("/accounts/{accountId}/customers", { params: account, body: [{ number: "1", firstnme: "Jane" }] });
  });

  it("updateCustomers", () => {
    // @ts-expect-error active is read-only
    void korona.PATCH("/accounts/{accountId}/customers", { params: account, body: [{ number: "1", active: false }] });
    void korona.PATCH("/accounts/{accountId}/customers", {
      params: account,
      // @ts-expect-error emial is misspelled
      body: [{ number: "1", emial: "x@example.com" }],
    });
    void korona.PATCH("/accounts/{accountId}/customers", {
      params: account,
      // @ts-expect-error citty is misspelled, one level down
      body: [{ number: "1", address: { citty: "Leipzig" } }],
    });
  });

  it("deleteCustomers", () => {
    void korona.DELETE("/accounts/{accountId}/customers", {
      params: account,
      // @ts-expect-error createTime is read-only
      body: [{ number: "1", createTime: "2024-01-01" }],
    });
    // @ts-expect-error nubmer is misspelled
    void korona.DELETE("/accounts/{accountId}/customers", { params: account, body: [{ nubmer: "1" }] });
  });

  it("updateCustomer", () => {
    void korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: one,
      body: { lastname: "Doe" },
    });
    void korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: one,
      // @ts-expect-error lastReceiptTime is read-only
      body: { lastReceiptTime: "2024-01-01" },
    });
    void korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: one,
      // @ts-expect-error lastnme is misspelled
      body: { lastnme: "Doe" },
    });
  });

  it("parameters, too", () => {
    // @ts-expect-error pageSize is not a query parameter (size is)
    void korona.GET("/accounts/{accountId}/customers", { params: { ...account, query: { pageSize: 10 } } });
  });
});

describe("answers promise what KORONA always sends", () => {
  it("getCustomers: a page of customers with id, number, revision and active", async () => {
    const { data } = await korona.GET("/accounts/{accountId}/customers", { params: account });
    if (!data) return; // a 204 (empty list) or an error
    expectTypeOf(data.results[0]!.id).toEqualTypeOf<string>();
    expectTypeOf(data.results[0]!.revision).toEqualTypeOf<number>();
    expectTypeOf(data.results[0]!.active).toEqualTypeOf<boolean>();
    expectTypeOf(data.maxRevision).toEqualTypeOf<number>();
  });

  it("getCustomer", async () => {
    const { data } = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one });
    if (!data) return;
    expectTypeOf(data.number).toEqualTypeOf<string>();
    expectTypeOf(data.revision).toEqualTypeOf<number>();
  });

  it("addCustomers, updateCustomers, deleteCustomers: one result each, with action and status", async () => {
    for (const call of [
      korona.POST("/accounts/{accountId}/customers", { params: account, body: [] }),
      korona.PATCH("/accounts/{accountId}/customers", { params: account, body: [] }),
      korona.DELETE("/accounts/{accountId}/customers", { params: account, body: [] }),
    ]) {
      const { data } = await call;
      if (!data) continue;
      expectTypeOf(data[0]!.action).toEqualTypeOf<"ADDED" | "DELETED" | "NONE" | "QUEUED" | "UPDATED">();
      expectTypeOf(data[0]!.status).toEqualTypeOf<"ERROR" | "OK">();
    }
  });

  it("updateCustomer, deleteCustomer: a 204, no body", async () => {
    const updated = await korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: one,
      body: {},
    });
    expectTypeOf(updated.data).toEqualTypeOf<undefined>();
    const deleted = await korona.DELETE("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one });
    expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
  });
});

describe("errors are KORONA's documented bodies or the fallback text", () => {
  it("for every operation", async () => {
    const results = [
      await korona.GET("/accounts/{accountId}/customers", { params: account }),
      await korona.POST("/accounts/{accountId}/customers", { params: account, body: [] }),
      await korona.PATCH("/accounts/{accountId}/customers", { params: account, body: [] }),
      await korona.DELETE("/accounts/{accountId}/customers", { params: account, body: [] }),
      await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one }),
      await korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one, body: {} }),
      await korona.DELETE("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one }),
    ];
    for (const { error } of results) {
      expectTypeOf(error).toEqualTypeOf<KoronaError | string | undefined>();
      if (typeof error === "string")
        expectTypeOf(error).toEqualTypeOf<string>(); // "401 Unauthorized"
      else if (error) expectTypeOf(error.code).toExtend<string>();
    }
  });

  it("error !== undefined narrows data, for every operation (a 401 has no body, yet its error is a string)", async () => {
    const calls = [
      korona.GET("/accounts/{accountId}/customers", { params: account }),
      korona.POST("/accounts/{accountId}/customers", { params: account, body: [] }),
      korona.PATCH("/accounts/{accountId}/customers", { params: account, body: [] }),
      korona.DELETE("/accounts/{accountId}/customers", { params: account, body: [] }),
      korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one }),
      korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one, body: {} }),
      korona.DELETE("/accounts/{accountId}/customers/{customerIdOrNumber}", { params: one }),
    ] as const;
    for (const call of calls) {
      const result = await call;
      if (result.error !== undefined) {
        expectTypeOf(result.data).toEqualTypeOf<undefined>();
        expectTypeOf(result.error).toEqualTypeOf<KoronaError | string>();
      }
    }
  });

  it("so reading the code of a 401 does not compile unchecked", async () => {
    const { error } = await korona.GET("/accounts/{accountId}/customers", { params: account });
    // @ts-expect-error a 401 arrives as the string "401 Unauthorized"
    void error?.code;
  });
});
