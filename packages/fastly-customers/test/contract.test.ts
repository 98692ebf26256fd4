import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "@org/prism-mock/conformance";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  ApiError,
  apiErrorOf,
  createFastlyClient,
  NotFoundError,
  unwrap,
  type FastlyClient,
  type operations,
} from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const fastly = createFastlyClient({ apiToken: "test-token", baseUrl });
const customer_id = "x4xCwxxJxGCx123Rx5xTx";

describe("Fastly customers against the Prism mock of its spec", () => {
  it("gets the logged in customer", async () => {
    const { data, error, response } = await fastly.GET("/current_customer");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.id).toBe(customer_id);
    expect(data?.billing_network_type).toBe("public");
  });

  it("gets a customer by id", async () => {
    const { data } = await fastly.GET("/customer/{customer_id}", { params: { path: { customer_id } } });
    expect(data).toMatchObject({ name: "Example Media Ltd", force_2fa: true, deleted_at: null });
  });

  it("lists the users of a customer", async () => {
    const { data } = await fastly.GET("/customer/{customer_id}/users", { params: { path: { customer_id } } });
    expect(data).toHaveLength(2);
    expect(data?.map((user) => user.role)).toEqual(["superuser", "engineer"]);
  });

  it("updates a customer with a form body", async () => {
    const { data, error, response } = await fastly.PUT("/customer/{customer_id}", {
      params: { path: { customer_id } },
      body: { name: "Example Media Ltd", force_2fa: true, billing_network_type: "private", postal_address: null },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.id).toBe(customer_id);
  });

  it("deletes a customer", async () => {
    const { data } = await fastly.DELETE("/customer/{customer_id}", { params: { path: { customer_id } } });
    expect(data).toEqual({ status: "ok" });
  });

  it("reports a 401 with Fastly's error body when the token is missing", async () => {
    const anonymous = createFastlyClient({
      apiToken: "unused",
      baseUrl,
      headers: {},
      fetch: withoutHeader("Fastly-Key"),
    });
    const result = await anonymous.GET("/current_customer");
    expect(result.response.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ msg: "Provided credentials are missing or invalid" });
    expect(() => unwrap(result)).toThrowError(ApiError);
    expect(() => unwrap(result)).toThrowError(
      /GET .*\/current_customer failed with 401.*Provided credentials are missing or invalid/,
    );
  });

  it("answers 422 to a form body the spec rejects", async () => {
    const result = await fastly.PUT("/customer/{customer_id}", {
      params: { path: { customer_id } },
      // A value outside the enum, as a caller without types could send it.
      body: { billing_network_type: "bogus" as "public" },
    });
    expect(result.response.status).toBe(422);
    // Fastly documents no 422, so its body arrives as the fallback text the error type names.
    expect(typeof result.error).toBe("string");
    expect(JSON.parse(result.error as string)).toMatchObject({ status: 422, title: "Invalid request" });
  });

  it("reports a 404 with its body, typed, when asked for one", async () => {
    const result = await fastly.GET("/customer/{customer_id}", {
      params: { path: { customer_id } },
      headers: { Prefer: "code=404" },
    });
    expect(result.response.status).toBe(404);
    expect(result.error).toMatchObject({ msg: "Record not found" });
    const error = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return thrown as ApiError;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, method: "GET", body: { msg: "Record not found" } });
    expect(error?.message).not.toContain("test-token");
  });

  it("encodes a customer_id with '/', '?' and a space so it stays one path segment", async () => {
    const { data, response } = await fastly.GET("/customer/{customer_id}/users", {
      params: { path: { customer_id: "a/b?c d" } },
    });
    expect(new URL(response.url).pathname).toBe("/customer/a%2Fb%3Fc%20d/users");
    expect(response.status).toBe(200);
    expect(Array.isArray(data)).toBe(true);
  });
});

// Through the operation methods: every method, with Prism checking the request it makes.
describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<FastlyClient, keyof operations>(
    fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
    {
      baseUrl,
      client: (url) => createFastlyClient({ apiToken: "test-token", baseUrl: url, maxRetries: 0 }),
      calls: {
        getLoggedInCustomer: (client, headers) => client.getLoggedInCustomer({}, { headers }),
        getCustomer: (client, headers) => client.getCustomer({ customer_id }, { headers }),
        updateCustomer: (client, headers) =>
          client.updateCustomer({ customer_id, body: { name: "Example Media Ltd" } }, { headers }),
        deleteCustomer: (client, headers) => client.deleteCustomer({ customer_id }, { headers }),
        listUsers: (client, headers) => client.listUsers({ customer_id }, { headers }),
      },
    },
  );

  testConformance(conformance, { it, expect });
});

describe("the SDK features against the mock", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the token from FASTLY_API_TOKEN (the mock refuses a call without one)", async () => {
    vi.stubEnv("FASTLY_API_TOKEN", "env-token");
    const { data } = await createFastlyClient({ baseUrl }).getLoggedInCustomer();
    expect(data?.id).toBe(customer_id);
  });

  it("throws a 404 as a NotFoundError with Fastly's body", async () => {
    const result = await fastly.getCustomer({ customer_id }, { headers: { Prefer: "code=404" } });
    expect(() => unwrap(result)).toThrowError(NotFoundError);
    expect(() => unwrap(result)).toThrowError(ApiError);
    expect(apiErrorOf(result)).toMatchObject({ name: "NotFoundError", status: 404, body: { msg: "Record not found" } });
  });

  it("logs the call at debug, without the token", async () => {
    const { lines, logger } = recordingLogger();
    await createFastlyClient({ apiToken: "test-token", baseUrl, logger, logLevel: "debug" }).listUsers({ customer_id });
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^@org/fastly-customers GET ${baseUrl}/customer/${customer_id}/users → 200 \\(attempt 1, \\d+ ms\\)$`,
        ),
      ),
    ]);
    expect(lines.join()).not.toContain("test-token");
  });
});

function recordingLogger() {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return { lines, logger: { debug: record, info: record, warn: record, error: record } };
}

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
