import { describe, expect, inject, it } from "vitest";
import { createCloudLxClient, unwrap } from "../src/index.js";

const baseUrl = inject("mockUrl");
const client = createCloudLxClient({ accessToken: "test-token", baseUrl });

describe("CloudLx customers against the Prism mock of its spec", () => {
  it("lists customers", async () => {
    const { customers } = unwrap(await client.GET("/customers"));
    expect(customers.length).toBeGreaterThan(0);
  });

  it("gets a customer", async () => {
    const customer = unwrap(await client.GET("/customers/{customer_id}", { params: { path: { customer_id: 1 } } }));
    expect(customer.id).toBe(1);
  });

  it("is refused without a token", async () => {
    const anonymous = createCloudLxClient({ accessToken: "unused", baseUrl });
    anonymous.use({ onRequest: ({ request }) => (request.headers.delete("Authorization"), request) });
    expect((await anonymous.GET("/customers")).response.status).toBe(401);
  });
});
