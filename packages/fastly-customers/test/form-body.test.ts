import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFastlyClient } from "../src/index.js";

// Prism accepts a valid form but does not echo it; this server records the exact bytes sent.
let received: { contentType?: string; body: string; key?: string } | undefined;
const server = createServer(async (request: IncomingMessage, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  received = { contentType: request.headers["content-type"], body, key: request.headers["fastly-key"] as string };
  response.writeHead(200, { "content-type": "application/json" }).end("{}");
});

beforeAll(() => new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening)));
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

it("sends updateCustomer as form fields the way Fastly reads them", async () => {
  const { port } = server.address() as AddressInfo;
  const fastly = createFastlyClient({ apiToken: "secret-token", baseUrl: `http://127.0.0.1:${port}` });
  await fastly.PUT("/customer/{customer_id}", {
    params: { path: { customer_id: "abc" } },
    body: { name: "Café & Co", force_2fa: true, has_pci: false, postal_address: null, phone_number: undefined },
  });
  expect(received?.contentType).toBe("application/x-www-form-urlencoded");
  expect(received?.body).toBe("name=Caf%C3%A9+%26+Co&force_2fa=true&has_pci=false&postal_address=");
  expect(received?.key).toBe("secret-token");
});
