import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { readFile } from "node:fs/promises";
import {
  FAULT_HEADER,
  type FaultAnswer,
  FaultQueue,
  faultAnswer,
  type FaultKind,
  type FaultOptions,
  type QueuedFault,
} from "./faults.js";
import { startPrism } from "./prism-server.js";
import { specDocument } from "./spec-document.js";
import { StatefulApi } from "./stateful/stateful-api.js";

export interface StartMockOptions {
  /** Path of the OpenAPI spec to serve (a client's `openapi.yaml`: see `clientSpec`). */
  spec: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default so the mock is never reachable from outside. */
  host?: string;
  /** Remember what is created, updated and deleted (see the README); default: answer with the spec's examples. */
  stateful?: boolean;
  /** Answer with schema-generated data instead of the spec's examples (not with `stateful`). */
  dynamic?: boolean;
}

export interface RunningMock {
  /** The mock's base URL, e.g. `http://127.0.0.1:4010`: the client's `baseUrl`. */
  url: string;
  spec: string;
  /** Makes the next `count` calls fail with `kind` (429, 503, 401, stall, truncate). */
  fault(kind: FaultKind, options?: FaultOptions): void;
  /** Forgets the faults not yet served. */
  clearFaults(): void;
  /** Back to the spec's examples (stateful mode) and no faults. */
  reset(): void;
  /** Stops the server, ends its connections (stalled ones too) and stops Prism; safe to call more than once. */
  stop(): Promise<void>;
}

// Hop-by-hop and framing headers: fetch sets its own.
const UNFORWARDED = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "expect",
  "upgrade",
  FAULT_HEADER,
]);
const UNRELAYED = new Set(["content-length", "transfer-encoding", "connection", "content-encoding", "keep-alive"]);

/**
 * Serves a spec over HTTP for tests and local development. Prism validates every request
 * (security, parameters, bodies: its documented 400/401/422 answers) and answers with the spec's
 * examples; in stateful mode a valid request is answered from what earlier calls stored. Faults
 * are served on demand, by the `x-mock-fault` header of one request or for the next calls
 * (`fault()` or `POST /__mock/faults`).
 */
export async function startMock(options: StartMockOptions): Promise<RunningMock> {
  const specFile = resolve(options.spec);
  const spec = specDocument(
    await readFile(specFile, "utf8").catch((error: Error) => {
      throw new Error(`The mock cannot load ${specFile}: ${error.message}`, { cause: error });
    }),
    specFile,
  );
  const stateful = options.stateful ? new StatefulApi(spec) : undefined;
  const prism = await startPrism({ spec: specFile, dynamic: options.dynamic ?? false });
  const faults = new FaultQueue();
  const reset = () => {
    faults.clear();
    stateful?.reset();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: `The mock failed: ${(error as Error).message}` });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://mock");
    const body = await readBody(request);
    if (url.pathname.startsWith("/__mock/")) return control(request.method ?? "GET", url.pathname, body, response);
    const matched = spec.match(request.method ?? "GET", url.pathname);
    let fault: QueuedFault | undefined;
    try {
      fault = faults.next(request.headers[FAULT_HEADER]?.toString());
    } catch (error) {
      return send(response, 400, { message: (error as Error).message });
    }
    if (fault) return answerWithFault(faultAnswer(fault, spec, matched), response);

    const headers = Object.entries(request.headers).flatMap(([name, value]) =>
      UNFORWARDED.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    const method = request.method ?? "GET";
    const answer = await fetch(`${prism.url}${url.pathname}${url.search}`, {
      method,
      headers,
      ...(method === "GET" || method === "HEAD" ? {} : { body: new Uint8Array(body) }),
    });
    const answerBody = Buffer.from(await answer.arrayBuffer());
    const stored =
      stateful && matched && answer.status < 400
        ? stateful.answer(matched, { pathname: url.pathname, query: url.searchParams, headers: request.headers, body })
        : undefined;
    const relayed = [...answer.headers].filter(([name]) => !UNRELAYED.has(name));
    if (stored) {
      // The headers the spec documents (correlation ids …) as Prism gave them, the stored answer's own over them.
      const headers = {
        ...Object.fromEntries(relayed.filter(([name]) => name !== "content-type")),
        ...stored.headers,
      };
      response.writeHead(stored.status, headers).end(stored.body === undefined ? "" : JSON.stringify(stored.body));
      return;
    }
    response.writeHead(answer.status, answer.statusText, relayed).end(answerBody);
  }

  function control(method: string, path: string, body: Buffer, response: ServerResponse): void {
    try {
      if (path === "/__mock/faults" && method === "POST") {
        const { fault, ...rest } = JSON.parse(body.toString("utf8") || "{}") as { fault?: unknown } & FaultOptions;
        faults.add(fault, rest);
        return void response.writeHead(204).end();
      }
      if (path === "/__mock/faults" && method === "DELETE") {
        faults.clear();
        return void response.writeHead(204).end();
      }
      if (path === "/__mock/reset" && method === "POST") {
        reset();
        return void response.writeHead(204).end();
      }
      send(response, 404, {
        message: "The control API has POST /__mock/faults, DELETE /__mock/faults and POST /__mock/reset.",
      });
    } catch (error) {
      send(response, 400, { message: (error as Error).message });
    }
  }

  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((listening, failed) => {
      server.once("error", failed);
      server.listen(options.port ?? 0, host, () => listening());
    });
  } catch (error) {
    await prism.stop();
    throw new Error(
      `The mock could not listen on ${host}:${options.port ?? 0} for ${specFile}: ${(error as Error).message}`,
    );
  }
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    spec: specFile,
    fault: (kind, faultOptions) => faults.add(kind, faultOptions),
    clearFaults: () => faults.clear(),
    reset,
    stop: () =>
      (stopped ??= new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }).then(() => prism.stop())),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => done(Buffer.concat(chunks)));
    request.on("error", failed);
  });
}

/** Sends a fault's answer; a stall (undefined) sends nothing and leaves the connection open. */
function answerWithFault(answer: FaultAnswer | undefined, response: ServerResponse): void {
  if (!answer) return;
  if (!answer.truncate) {
    response.writeHead(answer.status, answer.statusText, answer.headers).end(answer.body);
    return;
  }
  const body = Buffer.from(answer.body);
  response.writeHead(answer.status, { ...answer.headers, "content-length": body.length });
  response.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => response.socket?.destroy());
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
