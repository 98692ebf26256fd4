import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCyberSourceClient, patchCustomer, signRequest } from "../src/index.js";

const credentials = {
  merchantId: "testrest",
  keyId: "08c94330-f618-42a3-b09d-e1e43be5efda",
  sharedSecret: "yBJxy6LjM2TmcPGu+GaJrHtkke25fPpUX+UY6/L/1tE=",
};

/** The signature computed here with node:crypto, independently of the client's Web Crypto code. */
function expectedSignature(lines: [string, string][]): string {
  const signingString = lines.map(([name, value]) => `${name}: ${value}`).join("\n");
  return createHmac("sha256", Buffer.from(credentials.sharedSecret, "base64"))
    .update(signingString, "utf8")
    .digest("base64");
}

describe("signRequest", () => {
  it("matches a known answer for a POST with a body (fixed date, host and body)", async () => {
    const body = '{"buyerInformation":{"merchantCustomerID":"cust-42","email":"test@cybs.com"}}';
    const date = "Mon, 23 Nov 2026 10:00:00 GMT";
    const digest = `SHA-256=${createHash("sha256").update(body).digest("base64")}`;
    const signed = await signRequest(
      {
        method: "POST",
        url: "https://apitest.cybersource.com/tms/v2/customers",
        body: new TextEncoder().encode(body),
        date,
      },
      credentials,
    );
    const signature = expectedSignature([
      ["host", "apitest.cybersource.com"],
      ["date", date],
      ["request-target", "post /tms/v2/customers"],
      ["digest", digest],
      ["v-c-merchant-id", "testrest"],
    ]);
    expect(signed).toEqual({
      "v-c-merchant-id": "testrest",
      date,
      host: "apitest.cybersource.com",
      digest,
      signature: `keyid="${credentials.keyId}", algorithm="HmacSHA256", headers="host date request-target digest v-c-merchant-id", signature="${signature}"`,
    });
    // The vector itself (also computed with Python's hmac), so a change in either implementation shows:
    expect(digest).toBe("SHA-256=YPN+7B8DhsVv8gO6KkePTJcBqp/aobRPFUE7PbPhpLU=");
    expect(signature).toBe("z3kdOW7dh3/ABcPBuAxji/cFuiIItcmsZ9BQ67sABak=");
  });

  it("leaves the digest out of a GET and signs the path with its query", async () => {
    const date = "Mon, 23 Nov 2026 10:00:00 GMT";
    const signed = await signRequest(
      { method: "GET", url: "https://api.cybersource.com/tms/v2/customers/ABC?x=1", date },
      credentials,
    );
    expect(signed.digest).toBeUndefined();
    const signature = expectedSignature([
      ["host", "api.cybersource.com"],
      ["date", date],
      ["request-target", "get /tms/v2/customers/ABC?x=1"],
      ["v-c-merchant-id", "testrest"],
    ]);
    expect(signed.signature).toBe(
      `keyid="${credentials.keyId}", algorithm="HmacSHA256", headers="host date request-target v-c-merchant-id", signature="${signature}"`,
    );
  });

  it("refuses a shared secret that is not base64", () => {
    expect(() => createCyberSourceClient({ ...credentials, sharedSecret: "not base64!" })).toThrow(
      /sharedSecret must be the base64 shared secret/,
    );
    expect(() => createCyberSourceClient({ ...credentials, keyId: "" })).toThrow(/needs keyId/);
  });
});

describe("the client's signatures, checked by a server over what it received", () => {
  let received: { headers: IncomingHttpHeaders; body: Buffer; method: string; url: string }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({
      headers: request.headers,
      body: Buffer.concat(chunks),
      method: request.method!,
      url: request.url!,
    });
    if (request.url?.includes("echo")) {
      return response
        .writeHead(401, { "content-type": "application/json;charset=utf-8" })
        .end(JSON.stringify({ errors: [{ type: "forbidden", message: `bad secret ${credentials.sharedSecret}` }] }));
    }
    response
      .writeHead(request.method === "POST" ? 201 : 200, {
        "content-type": "application/json;charset=utf-8",
        etag: "E1",
      })
      .end('{"id":"X"}');
  });
  let baseUrl = "";
  beforeAll(async () => {
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  function verify(request: (typeof received)[number]): void {
    const { headers } = request;
    const names = /headers="([^"]+)"/.exec(String(headers.signature))![1]!.split(" ");
    const lines = names.map((name): [string, string] => [
      name,
      name === "request-target" ? `${request.method.toLowerCase()} ${request.url}` : String(headers[name]),
    ]);
    expect(headers.signature).toContain(`keyid="${credentials.keyId}", algorithm="HmacSHA256"`);
    expect(/signature="([^"]+)"/.exec(String(headers.signature))![1]).toBe(expectedSignature(lines));
  }

  it("signs a POST over the exact body bytes that reached the server", async () => {
    received = [];
    const client = createCyberSourceClient({ ...credentials, baseUrl });
    await client.POST("/tms/v2/customers", {
      body: {
        buyerInformation: { email: "ünïcode@cybs.com" },
        merchantDefinedInformation: [{ name: "data1", value: "x" }],
      },
    });
    const [request] = received;
    expect(request!.headers["content-type"]).toBe("application/json;charset=utf-8");
    expect(request!.headers.digest).toBe(`SHA-256=${createHash("sha256").update(request!.body).digest("base64")}`);
    expect(request!.headers["v-c-merchant-id"]).toBe("testrest");
    expect(new Date(String(request!.headers.date)).getTime()).toBeGreaterThan(Date.now() - 60_000);
    verify(request!);
  });

  it("signs GET, PATCH with if-match, and DELETE", async () => {
    received = [];
    const client = createCyberSourceClient({ ...credentials, baseUrl });
    const params = { params: { path: { customerId: "ABC" } } };
    await client.GET("/tms/v2/customers/{customerId}", params);
    await patchCustomer(client, "ABC", { objectInformation: { title: "t" } }, { ifMatch: "E1" });
    await client.DELETE("/tms/v2/customers/{customerId}", params);
    expect(received.map((request) => request.method)).toEqual(["GET", "PATCH", "DELETE"]);
    expect(received[1]!.headers["if-match"]).toBe("E1");
    expect(received[0]!.headers.digest).toBeUndefined();
    for (const request of received) verify(request);
  });

  it("keeps the shared secret out of errors, even when the API echoes it", async () => {
    const client = createCyberSourceClient({ ...credentials, baseUrl });
    const result = await client.GET("/tms/v2/customers/{customerId}", { params: { path: { customerId: "echo" } } });
    const { unwrap } = await import("../src/index.js");
    let message = "";
    try {
      unwrap(result);
    } catch (error) {
      message = `${(error as Error).message} ${JSON.stringify(error)}`;
    }
    expect(message).toContain("bad secret [redacted]");
    expect(message).not.toContain(credentials.sharedSecret);
  });
});
