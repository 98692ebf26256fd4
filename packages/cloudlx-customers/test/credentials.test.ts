import { afterEach, describe, expect, it, vi } from "vitest";
import { createCloudLxClient } from "../src/index.js";

afterEach(() => vi.unstubAllEnvs());

describe("credentials from the environment", () => {
  it("gets its token with CLOUDLX_CLIENT_ID and CLOUDLX_CLIENT_SECRET when no credentials are given", async () => {
    vi.stubEnv("CLOUDLX_CLIENT_ID", "env-client");
    vi.stubEnv("CLOUDLX_CLIENT_SECRET", "env-secret");
    const sent: Request[] = [];
    const cloudlx = createCloudLxClient({
      fetch: async (url, init) => {
        sent.push(new Request(url, init));
        if (url.endsWith("/api/oauth2/access-token"))
          return Response.json({ access_token: "env-token", token_type: "Bearer", expires_in: 3600 });
        return Response.json({ customers: [] });
      },
    });
    await cloudlx.GET("/api/customers");
    expect(new URLSearchParams(await sent[0]!.text()).get("client_id")).toBe("env-client");
    expect(sent[1]?.headers.get("Authorization")).toBe("Bearer env-token");
  });

  it("names the options and the variables when neither is set", () => {
    vi.stubEnv("CLOUDLX_CLIENT_ID", "");
    vi.stubEnv("CLOUDLX_CLIENT_SECRET", "");
    expect(() => createCloudLxClient()).toThrow(
      "createCloudLxClient needs an accessToken, or the clientId and clientSecret options (or set CLOUDLX_CLIENT_ID and CLOUDLX_CLIENT_SECRET)",
    );
    expect(() => createCloudLxClient({ clientId: "3" })).toThrow(
      "createCloudLxClient needs clientSecret (or set CLOUDLX_CLIENT_SECRET)",
    );
  });
});
