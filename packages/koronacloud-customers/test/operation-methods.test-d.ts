import { describe, expectTypeOf, it } from "vitest";
import { createKoronaCloudClient, type Customer, type KoronaError } from "../src/index.js";

const korona = createKoronaCloudClient({ username: "u", password: "p" });

describe("operation methods: one per operationId, typed as the path style is", () => {
  it("take the parameters side by side, the body beside them, and the call's options after", async () => {
    const page = await korona.getCustomers({ accountId: "a", page: 2 });
    expectTypeOf(page.data?.results).toEqualTypeOf<Customer[] | undefined>();
    expectTypeOf(page.error).toEqualTypeOf<KoronaError | string | undefined>();
    const one = await korona.getCustomer(
      { accountId: "a", customerIdOrNumber: "1" },
      { signal: AbortSignal.timeout(1) },
    );
    if (one.data) expectTypeOf(one.data.revision).toEqualTypeOf<number>();
    void korona.addCustomers({ accountId: "a", writeMode: "ADD_OR_UPDATE", body: [{ number: "1" }] });
    // @ts-expect-error missing accountId
    void korona.getCustomers({ page: 2 });
    // @ts-expect-error misspelled
    void korona.getCustomers({ accountId: "a", pge: 2 });
    // @ts-expect-error read-only in body
    void korona.addCustomers({ accountId: "a", body: [{ number: "1", revision: 2 }] });
    // @ts-expect-error misspelled in body
    void korona.addCustomers({ accountId: "a", body: [{ nubmer: "1" }] });
    // @ts-expect-error body required
    void korona.addCustomers({ accountId: "a" });
    const text = await korona.getCustomers({ accountId: "a" }, { parseAs: "text" });
    expectTypeOf(text.data).toEqualTypeOf<string | undefined>();
  });

  it("are listed by the client's type, each with its operation's summary", () => {
    expectTypeOf(korona).toHaveProperty("getCustomers");
    expectTypeOf(korona).toHaveProperty("deleteCustomer");
    // @ts-expect-error no such operation
    void korona.getCustomerz;
  });
});
