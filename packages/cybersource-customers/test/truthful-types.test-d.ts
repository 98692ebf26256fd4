import { describe, expectTypeOf, it } from "vitest";
import { createCyberSourceClient, type CyberSourceErrorResponse, type operations } from "../src/index.js";

// The compiler accepts what CyberSource takes and promises what arrives, for every operation.
const cybersource = createCyberSourceClient({ merchantId: "m", keyId: "k", sharedSecret: "c2VjcmV0" });
const customer = { path: { customerId: "D9F340DD3DB9C276E053A2598D0A41A3" } };

describe("every operation is covered here", () => {
  it("names each operation of the spec", () => {
    type Covered = "postCustomer" | "getCustomer" | "patchCustomer" | "deleteCustomer";
    expectTypeOf<Covered>().toEqualTypeOf<keyof operations>();
  });
});

describe("request bodies take only what CyberSource accepts", () => {
  it("postCustomer", () => {
    void cybersource.POST("/tms/v2/customers", { body: { buyerInformation: { email: "x@cybs.com" } } });
    // @ts-expect-error _links is read-only
    void cybersource.POST("/tms/v2/customers", { body: { _links: { self: { href: "/x" } } } });
    // @ts-expect-error metadata is read-only
    void cybersource.POST("/tms/v2/customers", { body: { metadata: { creator: "me" } } });
    // @ts-expect-error emial is misspelled, one level down
    void cybersource.POST("/tms/v2/customers", { body: { buyerInformation: { emial: "x@cybs.com" } } });
  });

  it("patchCustomer", () => {
    void cybersource.PATCH("/tms/v2/customers/{customerId}", {
      params: customer,
      body: { objectInformation: { title: "VIP" } },
    });
    // @ts-expect-error _embedded is read-only
    void cybersource.PATCH("/tms/v2/customers/{customerId}", { params: customer, body: { _embedded: {} } });
    void cybersource.PATCH("/tms/v2/customers/{customerId}", {
      params: customer,
      // @ts-expect-error objectInfo is misspelled
      body: { objectInfo: { title: "VIP" } },
    });
  });

  it("parameters, too", () => {
    void cybersource.PATCH("/tms/v2/customers/{customerId}", {
      // @ts-expect-error ifMatch is spelled if-match
      params: { ...customer, header: { ifMatch: "E1" } },
      body: {},
    });
  });
});

describe("answers promise what CyberSource always sends", () => {
  it("postCustomer, getCustomer, patchCustomer: a Customer with id, _links.self and metadata", async () => {
    for (const call of [
      cybersource.POST("/tms/v2/customers", { body: {} }),
      cybersource.GET("/tms/v2/customers/{customerId}", { params: customer }),
      cybersource.PATCH("/tms/v2/customers/{customerId}", { params: customer, body: {} }),
    ]) {
      const { data } = await call;
      if (!data) continue;
      expectTypeOf(data.id).toEqualTypeOf<string>();
      expectTypeOf(data._links.self.href).toEqualTypeOf<string>();
      expectTypeOf(data.metadata.creator).toEqualTypeOf<string>();
    }
  });

  it("deleteCustomer: a 204, no body", async () => {
    const { data } = await cybersource.DELETE("/tms/v2/customers/{customerId}", { params: customer });
    expectTypeOf(data).toEqualTypeOf<undefined>();
  });
});

describe("errors are CyberSource's documented body or the fallback text", () => {
  it("for every operation", async () => {
    const results = [
      await cybersource.POST("/tms/v2/customers", { body: {} }),
      await cybersource.GET("/tms/v2/customers/{customerId}", { params: customer }),
      await cybersource.PATCH("/tms/v2/customers/{customerId}", { params: customer, body: {} }),
      await cybersource.DELETE("/tms/v2/customers/{customerId}", { params: customer }),
    ];
    for (const { error } of results) {
      expectTypeOf(error).toEqualTypeOf<CyberSourceErrorResponse | string | undefined>();
      if (error && typeof error !== "string") expectTypeOf(error.errors).toExtend<unknown[] | undefined>();
    }
  });
});
