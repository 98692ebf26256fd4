import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "@org/prism-mock/conformance";
import { describe, expect, inject, it, vi } from "vitest";
import { createAcmeClient, unwrap, type AcmeClient, type operations } from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const client = createAcmeClient({ accessToken: "test-token", baseUrl });
const customer = { params: { path: { customer_id: 1 } } };

describe("Acme customers against the Prism mock of its spec", () => {
  it("lists customers", async () => {
    const { customers } = unwrap(await client.GET("/customers"));
    expect(customers.length).toBeGreaterThan(0);
  });

  it("gets a customer", async () => {
    const found = unwrap(await client.GET("/customers/{customer_id}", customer));
    expect(found.id).toBe(1);
  });

  it("is refused without a token", async () => {
    const anonymous = createAcmeClient({ accessToken: "unused", baseUrl, fetch: withoutHeader("Authorization") });
    expect((await anonymous.GET("/customers")).response.status).toBe(401);
  });

  it("reads ACME_ACCESS_TOKEN when no accessToken is given, and names both when neither is set", async () => {
    vi.stubEnv("ACME_ACCESS_TOKEN", "env-token");
    try {
      expect((await createAcmeClient({ baseUrl }).GET("/customers")).response.status).toBe(200);
      vi.stubEnv("ACME_ACCESS_TOKEN", "");
      expect(() => createAcmeClient({ baseUrl })).toThrow(
        "createAcmeClient needs accessToken: pass the `accessToken` option or set ACME_ACCESS_TOKEN",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<AcmeClient, keyof operations>(
    fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
    {
      baseUrl,
      client: (url) => createAcmeClient({ accessToken: "test-token", baseUrl: url, maxRetries: 0 }),
      calls: {
        listCustomers: (client, headers) => client.listCustomers({}, { headers }),
        getCustomer: (client, headers) => client.getCustomer({ customer_id: 1 }, { headers }),
      },
    },
  );

  testConformance(conformance, { it, expect });
});

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
