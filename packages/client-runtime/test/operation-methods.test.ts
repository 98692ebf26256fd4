import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, type OperationInfo, type OperationMethod } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((_request, response) =>
    response.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}'),
  );
});
afterAll(() => server.close());

type Operation = {
  parameters: { query?: { dryRun?: boolean }; header?: { "x-trace"?: string }; path: { id: string }; cookie?: never };
  requestBody: { content: { "application/json": { name: string } } };
  responses: { 200: { headers: Record<string, unknown>; content: { "application/json": { id?: string } } } };
};
const operations: OperationInfo[] = [
  {
    operationId: "createThing",
    method: "POST",
    path: "/things/{id}",
    parameters: { path: ["id"], query: ["dryRun"], header: ["x-trace"] },
  },
];

function client() {
  return createApiClient<paths, { createThing: OperationMethod<Operation> }>({
    defaultBaseUrl: server.url,
    operations,
  });
}

describe("operation methods", () => {
  it("sorts the arguments into path, query, header and body, and returns what the path style returns", async () => {
    const result = await client().createThing({ id: "a b", dryRun: true, "x-trace": "t-1", body: { name: "x" } });
    const sent = server.seen.at(-1)!;
    expect(sent).toMatchObject({ method: "POST", url: "/things/a%20b?dryRun=true", body: '{"name":"x"}' });
    expect(sent.headers["x-trace"]).toBe("t-1");
    expect(result.data).toEqual({ id: "1" });
  });

  it("passes the call's options (headers, signal, …) through", async () => {
    await client().createThing({ id: "1", body: { name: "x" } }, { headers: { "x-extra": "yes" } });
    expect(server.seen.at(-1)!.headers["x-extra"]).toBe("yes");
  });

  it("refuses a parameter the operation does not have, before sending anything", async () => {
    const before = server.seen.length;
    expect(() => client().createThing({ id: "1", colour: "red", body: { name: "x" } } as never)).toThrow(
      'createThing takes no parameter "colour".',
    );
    expect(server.seen).toHaveLength(before);
  });
});
