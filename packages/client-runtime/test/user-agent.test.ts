import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((_request, response) =>
    response.writeHead(200, { "content-type": "application/json" }).end("{}"),
  );
});
afterAll(() => server.close());

const node = `node/${process.versions.node.split(".").slice(0, 2).join(".")}`;

async function sentAgent(
  headers?: Record<string, string>,
  callHeaders?: Record<string, string>,
): Promise<string | undefined> {
  const client = createApiClient<paths>({
    defaultBaseUrl: server.url,
    packageId: "@org/probe-customers/1.2.3",
    ...(headers ? { headers } : {}),
  });
  await client.GET("/things/{id}", { params: { path: { id: "1" } }, ...(callHeaders ? { headers: callHeaders } : {}) });
  return server.seen.at(-1)!.headers["user-agent"];
}

describe("the User-Agent", () => {
  it("names the package, its version and the platform", async () => {
    expect(await sentAgent()).toBe(`@org/probe-customers/1.2.3 ${node}`);
  });

  it("comes after the caller's own, given to the client in any case", async () => {
    expect(await sentAgent({ "user-agent": "my-app/1.0" })).toBe(`my-app/1.0 @org/probe-customers/1.2.3 ${node}`);
  });

  it("comes after a call's own too", async () => {
    expect(await sentAgent({ "User-Agent": "my-app/1.0" }, { "User-Agent": "my-job/7" })).toBe(
      `my-job/7 @org/probe-customers/1.2.3 ${node}`,
    );
  });
});
