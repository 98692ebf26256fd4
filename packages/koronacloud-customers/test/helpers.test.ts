import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addCustomersInBatches,
  ApiError,
  BatchError,
  unwrap,
  createKoronaCloudClient,
  deleteCustomersInBatches,
  KORONA_BATCH_SIZE,
  listCustomers,
  syncCustomers,
  updateCustomersInBatches,
  type Customer,
  type CustomerInput,
} from "../src/index.js";

// Prism answers every page alike; this server really pages, syncs and fails on demand.
const CUSTOMERS: Customer[] = Array.from({ length: 7 }, (_, index) => ({
  id: `3f0b7c52-8f0e-4a8e-9d6c-00000000000${index}`,
  number: String(10001 + index),
  revision: 100 + index,
  active: true,
  lastname: `Customer ${index}`,
}));
const seen: { method: string; path: string; query: URLSearchParams; body: unknown }[] = [];
let behaviour: { emptyAccount?: boolean; failOnPage?: number; failOnChunk?: number } = {};

const server = createServer(async (request, response) => {
  let text = "";
  for await (const chunk of request) text += chunk;
  const url = new URL(request.url!, "http://localhost");
  seen.push({
    method: request.method!,
    path: url.pathname,
    query: url.searchParams,
    body: text ? JSON.parse(text) : undefined,
  });
  const send = (status: number, body?: unknown) =>
    body === undefined
      ? response.writeHead(status).end()
      : response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  if (url.pathname.endsWith("/echo")) {
    const basic = request.headers.authorization!.replace("Basic ", "");
    return send(400, {
      message: `bad request for ${Buffer.from(basic, "base64").toString()} (${basic})`,
      code: "INVALID_MODEL_PROPERTY",
    });
  }
  if (request.method === "GET") {
    const page = Number(url.searchParams.get("page") ?? 1);
    const size = Number(url.searchParams.get("size") ?? 3);
    const revision = Number(url.searchParams.get("revision") ?? -1);
    if (behaviour.failOnPage === page)
      return send(403, { message: "additional api access required", code: "ADDITIONAL_API_ACCESS_REQUIRED" });
    const matching = behaviour.emptyAccount ? [] : CUSTOMERS.filter((customer) => customer.revision! > revision);
    if (matching.length === 0) return send(204);
    const pagesTotal = Math.ceil(matching.length / size);
    const results = matching.slice((page - 1) * size, page * size);
    return send(200, {
      currentPage: page,
      pagesTotal,
      resultsOfPage: results.length,
      resultsTotal: matching.length,
      maxRevision: 106,
      links: {},
      results,
    });
  }
  const chunk = JSON.parse(text) as Customer[];
  const chunkIndex = seen.filter((entry) => entry.method !== "GET").length;
  if (behaviour.failOnChunk === chunkIndex)
    return send(429, { message: "daily limit exceeded", code: "DAILY_LIMIT_EXCEEDED" });
  const action = request.method === "POST" ? "ADDED" : request.method === "PATCH" ? "UPDATED" : "DELETED";
  send(
    200,
    chunk.map((customer) =>
      customer.number === "bad"
        ? { number: "bad", action: "NONE", status: "ERROR", message: "number already in use" }
        : { number: customer.number, action, status: "OK" },
    ),
  );
});

let korona: ReturnType<typeof createKoronaCloudClient>;
const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  korona = createKoronaCloudClient({ username: "u", password: "p", baseUrl: baseUrl(), maxRetries: 0 });
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
beforeEach(() => {
  seen.length = 0;
  behaviour = {};
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("listCustomers", () => {
  it("walks every page and stops after the last, passing size and sort through", async () => {
    const customers = await collect(listCustomers(korona, "acc", { size: 3, sort: "lastname" }));
    expect(customers.map((customer) => customer.number)).toEqual(CUSTOMERS.map((customer) => customer.number));
    expect(seen.map((request) => request.query.get("page"))).toEqual(["1", "2", "3"]);
    expect(seen.every((request) => request.query.get("size") === "3" && request.query.get("sort") === "lastname")).toBe(
      true,
    );
  });

  it("treats a 204 as an empty list", async () => {
    behaviour.emptyAccount = true;
    expect(await collect(listCustomers(korona, "acc"))).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("yields the pages before a failure, then throws the ApiError with KORONA's code", async () => {
    behaviour.failOnPage = 2;
    const numbers: string[] = [];
    const failure = await (async () => {
      for await (const customer of listCustomers(korona, "acc", { size: 3 })) numbers.push(customer.number!);
    })().catch((error: unknown) => error);
    expect(numbers).toEqual(["10001", "10002", "10003"]);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, code: "ADDITIONAL_API_ACCESS_REQUIRED" });
  });
});

describe("syncCustomers", () => {
  it("fetches what changed since a revision, deletions included, and returns the revision to store", async () => {
    const first = await syncCustomers(korona, "acc", { size: 2 });
    expect(first.customers).toHaveLength(7);
    expect(first.revision).toBe(106);
    expect(seen[0]!.query.has("revision")).toBe(false);
    expect(seen[0]!.query.get("includeDeleted")).toBe("true");

    seen.length = 0;
    const next = await syncCustomers(korona, "acc", { since: 104, size: 2 });
    expect(next.customers.map((customer) => customer.revision)).toEqual([105, 106]);
    expect(seen[0]!.query.get("revision")).toBe("104");
  });

  it("returns no customers and the same revision when nothing changed (204)", async () => {
    expect(await syncCustomers(korona, "acc", { since: 106 })).toEqual({ customers: [], revision: 106 });
  });
});

describe("credentials", () => {
  it("keep the password and the Basic token out of errors, even when the API echoes them", async () => {
    const password = "pässwörd-123";
    const client = createKoronaCloudClient({ username: "api-user", password, baseUrl: baseUrl(), maxRetries: 0 });
    const result = await client.GET("/accounts/{accountId}/customers/{customerIdOrNumber}", {
      params: { path: { accountId: "acc", customerIdOrNumber: "echo" } },
    });
    const error = (() => {
      try {
        unwrap(result);
      } catch (thrown) {
        return thrown as ApiError;
      }
    })()!;
    const everything = `${error.message} ${JSON.stringify(error)}`;
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(Buffer.from(`api-user:${password}`).toString("base64"));
    expect(error.code).toBe("INVALID_MODEL_PROPERTY");
  });
});

describe("batches", () => {
  const many = (count: number): CustomerInput[] =>
    Array.from({ length: count }, (_, index) => ({ number: String(index) }));

  it(`splits into chunks of ${KORONA_BATCH_SIZE} and returns every result in order`, async () => {
    const outcome = await addCustomersInBatches(korona, "acc", many(250), { writeMode: "ADD_OR_UPDATE" });
    expect(seen.map((request) => (request.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(seen[0]!.query.get("writeMode")).toBe("ADD_OR_UPDATE");
    expect(outcome.results).toHaveLength(250);
    expect(outcome.results.map((result) => result.number)).toEqual(many(250).map((customer) => customer.number));
    expect(outcome).toMatchObject({ ok: true, failed: [] });
  });

  it("makes per-customer failures easy to see", async () => {
    const outcome = await updateCustomersInBatches(
      korona,
      "acc",
      [{ number: "1" }, { number: "bad" }, { number: "3" }],
      { batchSize: 2 },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.failed).toEqual([
      { number: "bad", action: "NONE", status: "ERROR", message: "number already in use" },
    ]);
    expect(outcome.results.map((result) => result.action)).toEqual(["UPDATED", "NONE", "UPDATED"]);
  });

  it("throws a BatchError holding what was applied and what was not when a whole chunk fails", async () => {
    behaviour.failOnChunk = 2;
    const error = await deleteCustomersInBatches(korona, "acc", many(5), { batchSize: 2 }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(BatchError);
    const batchError = error as BatchError;
    expect(batchError.completed.results.map((result) => result.number)).toEqual(["0", "1"]);
    expect(batchError.remaining.map((customer) => customer.number)).toEqual(["2", "3", "4"]);
    expect(batchError.cause).toMatchObject({ status: 429, code: "DAILY_LIMIT_EXCEEDED" });
    expect(seen).toHaveLength(2);
  });

  it("refuses a batch size that is not a positive whole number", async () => {
    await expect(addCustomersInBatches(korona, "acc", many(1), { batchSize: 0 })).rejects.toThrow(RangeError);
  });
});
