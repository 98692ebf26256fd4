import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specConformance, type CallResult } from "../src/conformance.js";
import { startMock, type RunningMock } from "../src/index.js";

const spec = fileURLToPath(new URL("./fixtures/conformance.yaml", import.meta.url));
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec });
});
afterAll(() => mock.stop());

/** A bare client over fetch: errors parsed as JSON when they parse, else their text, else the status. */
function bareClient(baseUrl: string, keepJson: boolean) {
  return async (headers: Record<string, string>): Promise<CallResult> => {
    const response = await fetchAgainAfterReset(`${baseUrl}/customer`, { headers });
    const text = await response.text();
    const parsed = text && (keepJson || response.status < 400) ? tryJson(text) : text;
    if (response.ok) return { data: parsed || undefined, response };
    return { error: parsed || `${response.status} ${response.statusText}`, response };
  };
}

/**
 * A request sent on a keep-alive connection the mock has just closed is reset (twice in CI
 * runs on a loaded machine); sent again it goes on a new one. Our clients retry this
 * themselves; this bare one must too, or the test fails on the machine, not on conformance.
 */
async function fetchAgainAfterReset(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function conformanceOf(keepJson: boolean) {
  return specConformance<ReturnType<typeof bareClient>, "getCustomer">(spec, {
    baseUrl: mock.url,
    client: (url) => bareClient(url, keepJson),
    calls: { getCustomer: (get, headers) => get(headers) },
  });
}

describe("specConformance", () => {
  it("lists every operation × numeric status, following $refs to the body schema", () => {
    expect(conformanceOf(true).answers).toEqual([
      {
        operationId: "getCustomer",
        method: "GET",
        path: "/customer",
        status: 200,
        schemas: { "application/json": "/paths/~1customer/get/responses/200/content/application~1json/schema" },
      },
      { operationId: "getCustomer", method: "GET", path: "/customer", status: 401, schemas: {} },
      {
        operationId: "getCustomer",
        method: "GET",
        path: "/customer",
        status: 404,
        schemas: { "application/json": "/components/responses/NotFound/content/application~1json/schema" },
      },
    ]);
  });

  it("names the operation, the status and the JSON pointer of each mismatch", async () => {
    const [ok] = conformanceOf(true).answers;
    expect(await conformanceOf(true).check(ok!)).toEqual([
      "getCustomer 200: data must have required property 'name' (schema /paths/~1customer/get/responses/200/content/application~1json/schema)",
      "getCustomer 200: data/tags/1 must be string (schema /paths/~1customer/get/responses/200/content/application~1json/schema)",
    ]);
  });

  it("passes a documented error body that fits, and an undocumented body that arrives as text", async () => {
    const [, unauthorized, notFound] = conformanceOf(true).answers;
    expect(await conformanceOf(true).check(notFound!)).toEqual([]);
    expect(await conformanceOf(true).check(unauthorized!)).toEqual([]);
  });

  it("fails a client whose undocumented errors are not the fallback string", async () => {
    expect(await conformanceOf(false).checkUndocumented("getCustomer")).toEqual([]);
    const problems = await conformanceOf(true).checkUndocumented("getCustomer");
    expect(problems).toEqual([
      `getCustomer 500 (undocumented, application/json body): error is {"message":"down"}, not the fallback string`,
    ]);
  });

  it("reports operations without a call and calls without an operation", () => {
    const conformance = specConformance<undefined, string>(spec, {
      baseUrl: mock.url,
      client: () => undefined,
      calls: { listCustomers: async () => ({ response: new Response() }) },
    });
    expect(conformance.coverage()).toEqual({ missing: ["getCustomer"], unknown: ["listCustomers"] });
  });
});
