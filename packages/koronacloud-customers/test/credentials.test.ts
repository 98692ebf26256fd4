import { afterEach, describe, expect, it, vi } from "vitest";
import { createKoronaCloudClient } from "../src/index.js";

afterEach(() => vi.unstubAllEnvs());

describe("credentials from the environment", () => {
  it("reads KORONA_USERNAME and KORONA_PASSWORD when the options are not given", async () => {
    vi.stubEnv("KORONA_USERNAME", "env-user");
    vi.stubEnv("KORONA_PASSWORD", "env-password");
    let sent: Headers | undefined;
    const korona = createKoronaCloudClient({
      fetch: async (_url, init) => {
        sent = new Headers(init.headers);
        return new Response(null, { status: 204 });
      },
    });
    await korona.GET("/accounts/{accountId}/customers", { params: { path: { accountId: "a" } } });
    expect(sent?.get("Authorization")).toBe(`Basic ${Buffer.from("env-user:env-password").toString("base64")}`);
  });

  it.each([
    ["username", "KORONA_USERNAME", { password: "p" }],
    ["password", "KORONA_PASSWORD", { username: "u" }],
  ])("names the %s option and %s when neither is set", (option, variable, given) => {
    vi.stubEnv("KORONA_USERNAME", "");
    vi.stubEnv("KORONA_PASSWORD", "");
    expect(() => createKoronaCloudClient(given)).toThrow(
      `createKoronaCloudClient needs ${option}: pass the \`${option}\` option or set ${variable}`,
    );
  });
});
