import { afterEach, describe, expect, it, vi } from "vitest";
import { createCyberSourceClient } from "../src/index.js";

afterEach(() => vi.unstubAllEnvs());

describe("credentials from the environment", () => {
  it("reads CYBERSOURCE_MERCHANT_ID, CYBERSOURCE_KEY_ID and CYBERSOURCE_SHARED_SECRET", async () => {
    vi.stubEnv("CYBERSOURCE_MERCHANT_ID", "env-merchant");
    vi.stubEnv("CYBERSOURCE_KEY_ID", "env-key");
    vi.stubEnv("CYBERSOURCE_SHARED_SECRET", "c2VjcmV0");
    let sent: Headers | undefined;
    const cybersource = createCyberSourceClient({
      fetch: async (_url, init) => {
        sent = new Headers(init.headers);
        return new Response(null, { status: 204 });
      },
    });
    await cybersource.DELETE("/tms/v2/customers/{customerId}", { params: { path: { customerId: "C" } } });
    expect(sent?.get("v-c-merchant-id")).toBe("env-merchant");
    expect(sent?.get("signature")).toContain('keyid="env-key"');
  });

  it.each([
    ["merchantId", "CYBERSOURCE_MERCHANT_ID", { keyId: "k", sharedSecret: "c2VjcmV0" }],
    ["keyId", "CYBERSOURCE_KEY_ID", { merchantId: "m", sharedSecret: "c2VjcmV0" }],
    ["sharedSecret", "CYBERSOURCE_SHARED_SECRET", { merchantId: "m", keyId: "k" }],
  ])("names the %s option and %s when neither is set", (option, variable, given) => {
    for (const name of ["CYBERSOURCE_MERCHANT_ID", "CYBERSOURCE_KEY_ID", "CYBERSOURCE_SHARED_SECRET"])
      vi.stubEnv(name, "");
    expect(() => createCyberSourceClient(given)).toThrow(
      `createCyberSourceClient needs ${option}: pass the \`${option}\` option or set ${variable}`,
    );
  });
});
