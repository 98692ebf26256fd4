import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A real HTTP server on a free loopback port whose routes misbehave on purpose. It records what
 * reached it, and `close()` also destroys sockets a route left open.
 */
export async function startTestServer(route: (request: SeenRequest, response: ServerResponse, hit: number) => void) {
  const seen: SeenRequest[] = [];
  const hits = new Map<string, number>();
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const entry = { method: request.method!, url: request.url!, headers: request.headers, body };
    seen.push(entry);
    const hit = (hits.get(request.url!) ?? 0) + 1;
    hits.set(request.url!, hit);
    route(entry, response, hit);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    closeAllConnections: () => server.closeAllConnections(),
    close: () => new Promise<void>((closed) => {
      server.closeAllConnections();
      server.close(() => closed());
    }),
  };
}
