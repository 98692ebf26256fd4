import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiError, createFastlyClient, unwrap } from "../src/index.js";

// Prism accepts a valid form but does not echo it, nor misbehave: this server records the
// exact bytes sent, and echoes the token back in an error the way a careless API might.
const TOKEN = "fastly-secret-token-1234";
let received: { contentType?: string; body: string; key?: string } | undefined;
const server = createServer(async (request: IncomingMessage, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  received = { contentType: request.headers["content-type"] ?? "", body, key: request.headers["fastly-key"] as string };
  if (request.url === "/current_customer") {
    return response
      .writeHead(401, { "content-type": "application/json" })
      .end(JSON.stringify({ msg: `Token ${request.headers["fastly-key"]} is invalid` }));
  }
  response.writeHead(200, { "content-type": "application/json" }).end("{}");
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

it("sends updateCustomer as form fields the way Fastly reads them", async () => {
  const fastly = createFastlyClient({ apiToken: TOKEN, baseUrl });
  await fastly.PUT("/customer/{customer_id}", {
    params: { path: { customer_id: "abc" } },
    body: { name: "Café & Co", force_2fa: true, has_pci: false, postal_address: null },
  });
  expect(received?.contentType).toBe("application/x-www-form-urlencoded");
  expect(received?.body).toBe("name=Caf%C3%A9+%26+Co&force_2fa=true&has_pci=false&postal_address=");
  expect(received?.key).toBe(TOKEN);
});

it("keeps the API token out of errors and logs, even when the API echoes it", async () => {
  const logged: unknown[] = [];
  const record = (...line: unknown[]) => void logged.push(line);
  const fastly = createFastlyClient({
    apiToken: TOKEN,
    baseUrl,
    logLevel: "debug",
    logger: { debug: record, info: record, warn: record, error: record },
  });
  const result = await fastly.GET("/current_customer");
  let error: unknown;
  try {
    unwrap(result);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(TOKEN);
  expect((error as ApiError).message).toContain("Token [redacted] is invalid");
  expect(logged).toHaveLength(1);
  expect(JSON.stringify(logged)).not.toContain(TOKEN);
});
