import { describe, expectTypeOf, it } from "vitest";
import {
  addCustomersInBatches,
  createKoronaCloudClient,
  listCustomerPages,
  listCustomers,
  syncCustomers,
  type AddOrUpdateResult,
  type BatchOutcome,
  type Customer,
  type KoronaErrorCode,
  type ResultListCustomer,
  type SyncResult,
} from "../src/index.js";

const korona = createKoronaCloudClient({ username: "u", password: "p" });
type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

describe("the helpers' types", () => {
  it("iterates Customers and pages", () => {
    expectTypeOf(listCustomers(korona, "acc")).toEqualTypeOf<AsyncGenerator<Customer>>();
    expectTypeOf(listCustomerPages(korona, "acc")).toEqualTypeOf<AsyncGenerator<ResultListCustomer>>();
  });

  it("returns a sync result and a batch outcome", () => {
    expectTypeOf(syncCustomers(korona, "acc", { since: 1 })).toEqualTypeOf<Promise<SyncResult>>();
    expectTypeOf<SyncResult["revision"]>().toEqualTypeOf<number>();
    expectTypeOf(addCustomersInBatches(korona, "acc", [])).toEqualTypeOf<Promise<BatchOutcome>>();
    expectTypeOf<BatchOutcome["failed"]>().toEqualTypeOf<AddOrUpdateResult[]>();
  });

  it("takes only the documented options", () => {
    // @ts-expect-error writeMode is DEFAULT, ADD_OR_UPDATE or ADD_OR_REPLACE
    void addCustomersInBatches(korona, "acc", [], { writeMode: "UPSERT" });
    // @ts-expect-error since is a revision number
    void syncCustomers(korona, "acc", { since: "yesterday" });
  });
});

describe("the client's types", () => {
  it("types a page, a customer and the 204-able list", async () => {
    const list = await korona.GET("/accounts/{accountId}/customers", { params: { path: { accountId: "a" } } });
    expectTypeOf(list.data).toEqualTypeOf<Flat<ResultListCustomer> | undefined>();
    const one = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: { path: { accountId: "a", customerIdOrNumber: "1" } },
    });
    expectTypeOf(one.data).toEqualTypeOf<Flat<Customer> | undefined>();
  });

  it("types the error code as KORONA's documented codes", async () => {
    const one = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: { path: { accountId: "a", customerIdOrNumber: "1" } },
    });
    expectTypeOf<Exclude<NonNullable<typeof one.error>, string>>().toHaveProperty("code");
    expectTypeOf<"NUMBER_NOT_FOUND">().toExtend<KoronaErrorCode>();
    expectTypeOf<"DAILY_LIMIT_EXCEEDED">().toExtend<KoronaErrorCode>();
    expectTypeOf<"POINT_OF_SALE_DISABLED">().toExtend<KoronaErrorCode>();
    expectTypeOf<"NO_SUCH_CODE">().not.toExtend<KoronaErrorCode>();
  });

  it("rejects a missing account id and an unknown query parameter value", () => {
    // @ts-expect-error accountId is required
    void korona.GET("/accounts/{accountId}/customers", { params: { path: {} } });
    void korona.POST("/accounts/{accountId}/customers", {
      // @ts-expect-error writeMode is an enum
      params: { path: { accountId: "a" }, query: { writeMode: "MERGE" } },
      body: [],
    });
    void korona.PATCH("/accounts/{accountId}/customers", {
      params: { path: { accountId: "a" } },
      // @ts-expect-error the batch body is an array
      body: { number: "1" },
    });
  });
});
