import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { Agent, fetch as undiciFetch, ProxyAgent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, createApiClient } from "../src/index.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

const tls = {
  key: readFileSync(new URL("fixtures/loopback-key.pem", import.meta.url)),
  cert: readFileSync(new URL("fixtures/loopback-cert.pem", import.meta.url)),
};
const answer = (response: import("node:http").ServerResponse) =>
  response.writeHead(200, { "content-type": "application/json" }).end('{"id":"reached"}');
const path = { params: { path: { id: "t1" } } };

/** An HTTP CONNECT proxy on loopback that records the targets it tunnels to. */
async function startProxy() {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((_request, response) => response.writeHead(405).end());
  proxy.on("connect", (request, client: Socket, head) => {
    tunnels.push(request.url!);
    const [host, port] = request.url!.split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined).on("close", () => sockets.delete(socket));
    }
  });
  await new Promise<void>((listening) => proxy.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((closed) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => closed());
      }),
  };
}

describe("fetchOptions", () => {
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let secure: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    api = await startTestServer((_request, response) => answer(response));
    secure = await startTestServer((_request, response) => answer(response), { tls });
  });
  afterAll(async () => {
    await api.close();
    await secure.close();
  });

  it("reach the API through a proxy: undici's ProxyAgent as the dispatcher", async () => {
    const proxy = await startProxy();
    const dispatcher = new ProxyAgent(proxy.url);
    try {
      const client = createApiClient<paths>({
        defaultBaseUrl: api.url,
        fetch: undiciFetch,
        fetchOptions: { dispatcher },
      });
      const { data } = await client.GET("/things/{id}", path);
      expect(data).toEqual({ id: "reached" });
      expect(proxy.tunnels).toEqual([new URL(api.url).host]);
    } finally {
      await dispatcher.close();
      await proxy.close();
    }
  });

  it("trust a custom CA: an undici Agent with the certificate, where the default refuses it", async () => {
    const refused = await createApiClient<paths>({ defaultBaseUrl: secure.url, maxRetries: 0 })
      .GET("/things/{id}", path)
      .catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(ConnectionError);
    const dispatcher = new Agent({ connect: { ca: tls.cert } });
    try {
      const client = createApiClient<paths>({
        defaultBaseUrl: secure.url,
        fetch: undiciFetch,
        fetchOptions: { dispatcher },
      });
      expect((await client.GET("/things/{id}", path)).data).toEqual({ id: "reached" });
    } finally {
      await dispatcher.close();
    }
  });
});

describe("connections", () => {
  it("are reused: 2,000 concurrent calls in 5 waves open no new connection after the first wave", {
    timeout: 120_000,
  }, async () => {
    const server = await startTestServer((_request, response) => answer(response));
    const opened: number[] = [];
    let connections = 0;
    server.onConnection(() => connections++);
    try {
      const client = createApiClient<paths>({ defaultBaseUrl: server.url, maxRetries: 0 });
      for (let wave = 0; wave < 5; wave++) {
        // fetch puts a connection back in its pool on the event loop's next turn after the body is read.
        await new Promise((turn) => setImmediate(turn));
        const before = connections;
        const results = await Promise.all(Array.from({ length: 400 }, () => client.GET("/things/{id}", path)));
        expect(results.every((result) => result.data?.id === "reached")).toBe(true);
        opened.push(connections - before);
      }
      expect(opened[0]).toBeGreaterThan(0);
      expect(opened.slice(1)).toEqual([0, 0, 0, 0]);
    } finally {
      await server.close();
    }
  });
});
