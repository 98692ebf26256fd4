import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A real HTTP server on a free loopback port whose routes misbehave on purpose (HTTPS with `tls`).
 * It records what reached it, and `close()` also destroys sockets a route left open.
 */
export async function startTestServer(
  route: (request: SeenRequest, response: ServerResponse, hit: number) => void,
  options: { tls?: { key: Buffer; cert: Buffer } } = {},
) {
  const seen: SeenRequest[] = [];
  const hits = new Map<string, number>();
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const entry = { method: request.method!, url: request.url!, headers: request.headers, body };
    seen.push(entry);
    const hit = (hits.get(request.url!) ?? 0) + 1;
    hits.set(request.url!, hit);
    route(entry, response, hit);
  };
  const server = options.tls ? createHttpsServer(options.tls, answer) : createServer(answer);
  // Idle connections stay open long enough for a test's next requests to reuse them, however busy the machine.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    closeAllConnections: () => server.closeAllConnections(),
    onConnection: (listener: () => void) => void server.on(options.tls ? "secureConnection" : "connection", listener),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
