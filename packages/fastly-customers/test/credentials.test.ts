import { afterEach, describe, expect, it, vi } from "vitest";
import { createFastlyClient } from "../src/index.js";

afterEach(() => vi.unstubAllEnvs());

describe("credentials from the environment", () => {
  it("reads FASTLY_API_TOKEN when no apiToken is given", async () => {
    vi.stubEnv("FASTLY_API_TOKEN", "env-token");
    let sent: Headers | undefined;
    const fastly = createFastlyClient({
      fetch: async (_url, init) => {
        sent = new Headers(init.headers);
        return Response.json({});
      },
    });
    await fastly.GET("/current_customer");
    expect(sent?.get("Fastly-Key")).toBe("env-token");
  });

  it("names itself in the User-Agent, after the caller's own", async () => {
    let sent: Headers | undefined;
    const fastly = createFastlyClient({
      apiToken: "t",
      headers: { "User-Agent": "my-app/1.0" },
      fetch: async (_url, init) => {
        sent = new Headers(init.headers);
        return Response.json({});
      },
    });
    await fastly.GET("/current_customer");
    expect(sent?.get("user-agent")).toMatch(/^my-app\/1\.0 @org\/fastly-customers\/\d+\.\d+\.\d+\S* node\/\d+\.\d+$/);
  });

  it("prefers the option over the variable", async () => {
    vi.stubEnv("FASTLY_API_TOKEN", "env-token");
    let sent: Headers | undefined;
    const fastly = createFastlyClient({
      apiToken: "option-token",
      fetch: async (_url, init) => {
        sent = new Headers(init.headers);
        return Response.json({});
      },
    });
    await fastly.GET("/current_customer");
    expect(sent?.get("Fastly-Key")).toBe("option-token");
  });

  it("names the option and the variable when neither is set", () => {
    vi.stubEnv("FASTLY_API_TOKEN", "");
    expect(() => createFastlyClient()).toThrow(
      "createFastlyClient needs apiToken: pass the `apiToken` option or set FASTLY_API_TOKEN",
    );
  });
});
