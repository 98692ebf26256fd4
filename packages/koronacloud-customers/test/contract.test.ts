import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "@org/prism-mock/conformance";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  ApiError,
  apiErrorOf,
  createKoronaCloudClient,
  listCustomers,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  syncCustomers,
  unwrap,
  type KoronaCloudClient,
  type operations,
} from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const korona = createKoronaCloudClient({ username: "api-user", password: "api-password", baseUrl });
const accountId = "8a8c3e3e-6f1d-4b52-9f4c-2f0d6b3c1a77";
const account = { params: { path: { accountId } } };
const one = { params: { path: { accountId, customerIdOrNumber: "10001" } } };
const newCustomers = [
  { number: "10001", firstname: "Jane", lastname: "Doe" },
  { number: "10002", firstname: "John", lastname: "Roe" },
];

describe("KORONA.cloud customers against the Prism mock of its spec", () => {
  it("lists a page of customers with paging, sorting and sync parameters", async () => {
    const { data, response } = await korona.GET("/accounts/{accountId}/customers", {
      params: {
        path: { accountId },
        query: { page: 1, size: 50, sort: "lastname,firstname", revision: 1000, includeDeleted: true, number: "10001" },
      },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ currentPage: 1, pagesTotal: 1, maxRevision: 1043 });
    expect(data?.results.map((customer) => customer.number)).toEqual(["10001", "10002"]);
  });

  it("treats the empty list (204, no body) as no customers", async () => {
    const result = await korona.GET("/accounts/{accountId}/customers", { ...account, headers: { Prefer: "code=204" } });
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
    expect(result.error).toBeUndefined();
  });

  it("gets one customer by id or number, with its nested models", async () => {
    const customer = unwrap(await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one));
    expect(customer).toMatchObject({
      number: "10001",
      gender: "FEMALE",
      address: { city: "Leipzig" },
      cards: [{ type: "FRIENDSBONUS" }],
      customerGroup: { name: "Stammkunden" },
    });
  });

  it("adds a batch with a write mode and gets one result per customer", async () => {
    const { data } = await korona.POST("/accounts/{accountId}/customers", {
      params: { path: { accountId }, query: { writeMode: "ADD_OR_UPDATE" } },
      body: newCustomers,
    });
    expect(data?.map((result) => [result.action, result.status])).toEqual([
      ["ADDED", "OK"],
      ["NONE", "ERROR"],
    ]);
  });

  it("updates a batch, and deletes a batch (the 2024 API's batch delete)", async () => {
    expect(
      (await korona.PATCH("/accounts/{accountId}/customers", { ...account, body: newCustomers })).response.status,
    ).toBe(200);
    expect(
      (await korona.DELETE("/accounts/{accountId}/customers", { ...account, body: [{ number: "10001" }] })).data,
    ).toHaveLength(2);
  });

  it("updates and deletes one customer: 204 without a body", async () => {
    const updated = await korona.PATCH("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      ...one,
      body: { email: "jane.doe@example.com" },
    });
    expect(updated.response.status).toBe(204);
    expect(updated.data).toBeUndefined();
    const deleted = await korona.DELETE("/accounts/{accountId}/customers/{customerIdOrNumber}", one);
    expect(deleted.response.status).toBe(204);
  });

  it("pages and syncs through the helpers", async () => {
    const numbers: (string | undefined)[] = [];
    for await (const customer of listCustomers(korona, accountId, { size: 2 })) numbers.push(customer.number);
    expect(numbers).toEqual(["10001", "10002"]);
    expect(await syncCustomers(korona, accountId, { since: 1000 })).toMatchObject({ revision: 1043 });
  });

  it("answers 401, without a body, to a request without credentials", async () => {
    const anonymous = createKoronaCloudClient({
      username: "u",
      password: "p",
      baseUrl,
      fetch: withoutHeader("Authorization"),
    });
    const result = await anonymous.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", one);
    expect(result.response.status).toBe(401);
    expect(result.error).toBe("401 Unauthorized");
    expect(() => unwrap(result)).toThrowError(ApiError);
  });

  // Prism answers an invalid body with the spec's own validation response when the spec
  // documents one (it invents a 422 only when there is none); KORONA documents 400.
  it("answers a malformed body with KORONA's 400 and its typed code", async () => {
    const result = await korona.POST("/accounts/{accountId}/customers", {
      ...account,
      body: { number: "not an array" } as never,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({ message: "submitted data not wellformed", code: "SUBMITTED_DATA_NOT_WELLFORMED" });
  });

  it("reports a 404 with KORONA's typed error code", async () => {
    const result = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      ...one,
      headers: { Prefer: "code=404" },
    });
    expect(result.error).toMatchObject({ code: "NUMBER_NOT_FOUND" });
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 404, code: "NUMBER_NOT_FOUND" });
  });

  it.each([
    [400, "SUBMITTED_DATA_NOT_WELLFORMED"],
    [403, "ADDITIONAL_API_ACCESS_REQUIRED"],
    [429, "DAILY_LIMIT_EXCEEDED"],
  ])("reports a %i with its code %s", async (status, code) => {
    const result = await korona.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      ...one,
      headers: { Prefer: `code=${status}` },
      maxRetries: 0,
    });
    expect(result.response.status).toBe(status);
    expect(result.error).toMatchObject({ code });
  });
});

// Through the operation methods: every method, with Prism checking the request it makes.
describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<KoronaCloudClient, keyof operations>(
    fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
    {
      baseUrl,
      client: (url) =>
        createKoronaCloudClient({ username: "api-user", password: "api-password", baseUrl: url, maxRetries: 0 }),
      calls: {
        getCustomers: (client, headers) => client.getCustomers({ accountId }, { headers }),
        addCustomers: (client, headers) => client.addCustomers({ accountId, body: newCustomers }, { headers }),
        updateCustomers: (client, headers) => client.updateCustomers({ accountId, body: newCustomers }, { headers }),
        deleteCustomers: (client, headers) =>
          client.deleteCustomers({ accountId, body: [{ number: "10001" }] }, { headers }),
        getCustomer: (client, headers) => client.getCustomer({ accountId, customerIdOrNumber: "10001" }, { headers }),
        updateCustomer: (client, headers) =>
          client.updateCustomer({ accountId, customerIdOrNumber: "10001", body: { lastname: "Doe" } }, { headers }),
        deleteCustomer: (client, headers) =>
          client.deleteCustomer({ accountId, customerIdOrNumber: "10001" }, { headers }),
      },
    },
  );

  testConformance(conformance, { it, expect });
});

describe("the SDK features against the mock", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the API user from KORONA_USERNAME and KORONA_PASSWORD (the mock refuses a call without)", async () => {
    vi.stubEnv("KORONA_USERNAME", "env-user");
    vi.stubEnv("KORONA_PASSWORD", "env-password");
    const { data } = await createKoronaCloudClient({ baseUrl }).getCustomer({ accountId, customerIdOrNumber: "10001" });
    expect(data?.number).toBe("10001");
  });

  it.each([
    [403, PermissionDeniedError, "ADDITIONAL_API_ACCESS_REQUIRED"],
    [404, NotFoundError, "NUMBER_NOT_FOUND"],
    [429, RateLimitError, "DAILY_LIMIT_EXCEEDED"],
  ] as const)("throws a %i as its class, with KORONA's code", async (status, ErrorClass, code) => {
    const result = await korona.getCustomer(
      { accountId, customerIdOrNumber: "10001" },
      { headers: { Prefer: `code=${status}` }, maxRetries: 0 },
    );
    expect(() => unwrap(result)).toThrowError(ErrorClass);
    expect(apiErrorOf(result)).toMatchObject({ status, code });
  });

  it("lists customers through the runtime's pages(), with every page's query", async () => {
    const { lines, logger } = recordingLogger();
    const client = createKoronaCloudClient({
      username: "api-user",
      password: "api-password",
      baseUrl,
      logger,
      logLevel: "debug",
    });
    const numbers: string[] = [];
    for await (const customer of listCustomers(client, accountId, { size: 2 })) numbers.push(customer.number);
    expect(numbers).toEqual(["10001", "10002"]);
    expect(lines).toEqual([expect.stringMatching(/GET .*\/customers\?size=2&page=1 → 200 \(attempt 1, \d+ ms\)$/)]);
    expect(lines.join()).not.toContain("api-password");
  });
});

function recordingLogger() {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return { lines, logger: { debug: record, info: record, warn: record, error: record } };
}

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
