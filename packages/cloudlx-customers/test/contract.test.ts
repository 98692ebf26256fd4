import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "@org/prism-mock/conformance";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  apiErrorOf,
  AuthenticationError,
  CLOUDLX_MEDIA_TYPE,
  createCloudLxClient,
  unwrap,
  type CloudLxClient,
  type operations,
} from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const withToken = createCloudLxClient({ accessToken: "test-token", baseUrl });
const withClientCredentials = createCloudLxClient({ clientId: "3", clientSecret: "client-secret", baseUrl });
const customer = { params: { path: { customer_id: 915 } } };

describe.each([
  ["an access token", withToken],
  ["client credentials (token from the mock's token endpoint)", withClientCredentials],
])("CloudLX customers against the Prism mock of its spec, with %s", (_credentials, cloudlx) => {
  it("lists customers, answered in the vendor media type", async () => {
    const result = await cloudlx.GET("/api/customers");
    expect(result.response.headers.get("content-type")).toBe(CLOUDLX_MEDIA_TYPE);
    expect(unwrap(result).customers.map((entry) => entry.id)).toEqual([3, 915]);
  });

  it("shows a customer's details: currency, country, realms and sub-realms", async () => {
    const details = unwrap(await cloudlx.GET("/api/customers/{customer_id}", customer));
    expect(details).toMatchObject({ id: 3, currency: { iso_3: "GBP" }, country: { iso_2: "GB" } });
    expect(details.sub_realms?.[0]).toEqual({ id: 313, name: "SD WAN", description: null, has_access: true });
  });

  it("creates a customer (answering 200, not 201)", async () => {
    const result = await cloudlx.POST("/api/customers", {
      body: {
        name: "Customer 1",
        currency_iso: "GBP",
        country_iso: "GB",
        realms: [1, 2],
        shown_sub_realms: [313, 328],
        enabled_sub_realms: [313],
        email: "jane@example.com",
        first_name: "Jane",
        last_name: "Doe",
        role_group: 2,
      },
    });
    expect(result.response.status).toBe(200);
    expect(result.data?.name).toBe("Abra Level 3 v3");
  });

  it("updates a customer (the seed's PATCH)", async () => {
    const result = await cloudlx.PATCH("/api/customers/{customer_id}", {
      ...customer,
      body: { name: "Abra Level 3 v3", realms: [1, 2], enabled_sub_realms: [313] },
    });
    expect(result.response.status).toBe(200);
    expect(result.data?.realms).toHaveLength(2);
  });
});

describe("the token endpoint on the mock", () => {
  it("issues an access token for client credentials", async () => {
    const result = await withToken.POST("/api/oauth2/access-token", {
      body: { grant_type: "client_credentials", client_id: "3", client_secret: "s" },
    });
    expect(unwrap(result)).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  });

  it("refuses a customer call without a bearer token (401)", async () => {
    const anonymous = createCloudLxClient({ accessToken: "unused", baseUrl, fetch: withoutHeader("Authorization") });
    expect((await anonymous.GET("/api/customers")).response.status).toBe(401);
  });
});

// Through the operation methods: every method, with Prism checking the request it makes.
describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<CloudLxClient, keyof operations>(
    fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
    {
      baseUrl,
      client: (url) => createCloudLxClient({ accessToken: "test-token", baseUrl: url, maxRetries: 0 }),
      calls: {
        // The OAuth errors come as application/json whatever the Accept; Prism picks a documented
        // answer by Accept, so this call also accepts JSON to be given them.
        issueAccessToken: (client, headers) =>
          client.issueAccessToken(
            { body: { grant_type: "client_credentials", client_id: "3", client_secret: "s" } },
            { headers: { Accept: `${CLOUDLX_MEDIA_TYPE}, application/json`, ...headers } },
          ),
        listCustomers: (client, headers) => client.listCustomers({}, { headers }),
        createCustomer: (client, headers) =>
          client.createCustomer({ body: { name: "Customer 1", currency_iso: "GBP", country_iso: "GB" } }, { headers }),
        getCustomer: (client, headers) => client.getCustomer({ customer_id: 915 }, { headers }),
        updateCustomer: (client, headers) =>
          client.updateCustomer({ customer_id: 915, body: { name: "Abra Level 3 v3" } }, { headers }),
      },
    },
  );

  testConformance(conformance, { it, expect });
});

describe("the SDK features against the mock", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gets its token with CLOUDLX_CLIENT_ID and CLOUDLX_CLIENT_SECRET from the mock's token endpoint", async () => {
    vi.stubEnv("CLOUDLX_CLIENT_ID", "3");
    vi.stubEnv("CLOUDLX_CLIENT_SECRET", "client-secret");
    const { data } = await createCloudLxClient({ baseUrl }).getCustomer({ customer_id: 915 });
    expect(data?.id).toBe(3);
  });

  it("throws a 401 as an AuthenticationError whose body is the answer's text", async () => {
    const result = await withToken.listCustomers({}, { headers: { Prefer: "code=401" } });
    expect(() => unwrap(result)).toThrowError(AuthenticationError);
    expect(typeof apiErrorOf(result).body).toBe("string");
  });
});

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
