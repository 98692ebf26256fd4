import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { createOpenApiHttp, type OpenApiHttpHandlers } from "openapi-msw";
import { FAULT_HEADER, FaultQueue, faultAnswer, type FaultKind, type FaultOptions } from "./faults.js";
import { exampleOf, METHODS, specDocument, successStatus, type Node } from "./spec-document.js";

export interface MockHandlersOptions {
  /** The client's spec: its `openapi.yaml` as text (or parsed), e.g. `readFileSync(clientSpec("fastly"), "utf8")`. */
  spec: string | object;
  /** The client's `baseUrl` (default: the spec's first server). */
  baseUrl?: string;
}

export interface MockHandlers<Paths extends {}> {
  /** One handler per operation, answering its first documented success with the spec's example. */
  handlers: HttpHandler[];
  /** openapi-msw's `http`, typed by the client's `paths`: overrides whose bodies are type-checked. */
  http: OpenApiHttpHandlers<WirePaths<Paths>>;
  /** Makes the next `count` calls fail with `kind` (429, 503, 401, stall, truncate), as the mock server does. */
  fault(kind: FaultKind, options?: FaultOptions): void;
  /** Forgets the faults not yet served. */
  clearFaults(): void;
}

/**
 * In-process handlers for msw (Node's `setupServer` or a browser's `setupWorker`): every operation
 * of the spec answers its example, the same every time, and the faults of the mock server are
 * served on demand (`fault()` or the `x-mock-fault` request header). `Paths` is the client's
 * `paths` type: `mockHandlers<paths>({ spec })`.
 */
export function mockHandlers<Paths extends {}>(options: MockHandlersOptions): MockHandlers<Paths> {
  const spec = specDocument(options.spec);
  const baseUrl = (options.baseUrl ?? spec.root.servers?.[0]?.url ?? "").replace(/\/$/, "");
  const faults = new FaultQueue();
  const handlers: HttpHandler[] = [];
  for (const [template, pathItem] of Object.entries<Node>(spec.root.paths)) {
    for (const method of METHODS.filter((name) => pathItem[name] && name in http)) {
      const route = `${baseUrl}${template.replace(/\{([^}]+)\}/g, ":$1")}`;
      handlers.push(
        http[method as "get"](route, async ({ request, params }) => {
          const matched = { template, method, operation: pathItem[method], params: params as Record<string, string> };
          const fault = faults.next(request.headers.get(FAULT_HEADER));
          if (fault) {
            const answer = faultAnswer(fault, spec, matched);
            if (!answer) return delay("infinite").then(() => new HttpResponse(null, { status: 500 }));
            if (!answer.truncate) return new HttpResponse(answer.body || null, answer);
            return new HttpResponse(cutOff(answer.body), answer);
          }
          const status = successStatus(matched.operation);
          const response = spec.resolve(matched.operation.responses?.[status]);
          const media = Object.keys(response?.content ?? {})[0];
          const example = exampleOf(spec, response);
          if (!media || example === undefined) return new HttpResponse(null, { status: Number(status) });
          return new HttpResponse(JSON.stringify(example), {
            status: Number(status),
            headers: { "content-type": media },
          });
        }),
      );
    }
  }
  return {
    handlers,
    http: createOpenApiHttp<WirePaths<Paths>>({ baseUrl }),
    fault: (kind, faultOptions) => faults.add(kind, faultOptions),
    clearFaults: () => faults.clear(),
  };
}

/**
 * The client's `paths` as the wire carries them: answers without their write-only fields, request
 * bodies without their read-only ones, neither wrapped in openapi-typescript's `$Read`/`$Write`
 * markers (which openapi-msw does not unwrap), under media types without parameters.
 */
export type WirePaths<Paths> = { [P in keyof Paths]: { [M in keyof Paths[P]]: WireOperation<Paths[P][M]> } };
type WireOperation<O> = O extends { responses: unknown }
  ? {
      [K in keyof O]: K extends "responses"
        ? { [S in keyof O[K]]: WireContent<O[K][S], "read"> }
        : K extends "requestBody"
          ? WireContent<O[K], "write">
          : O[K];
    }
  : O;
type WireContent<R, Direction> = R extends { content: infer C }
  ? Omit<R, "content"> & {
      // `application/json;charset=utf-8` as `application/json`: openapi-msw's `.json()` knows media types without parameters.
      content: {
        [M in keyof C as M extends `${infer Base};${string}` ? Base : M]: Direction extends "read"
          ? Readable<C[M]>
          : Writable<C[M]>;
      };
    }
  : R;
/** `T` with the `Dropped` marker's fields left out and the `Kept` marker's values unwrapped, at any depth. */
type Unmarked<T, Kept extends string, Dropped extends string> = T extends { readonly [M in Dropped]: unknown }
  ? never
  : T extends { readonly [M in Kept]: infer U }
    ? Unmarked<U, Kept, Dropped>
    : T extends (infer E)[]
      ? Unmarked<E, Kept, Dropped>[]
      : T extends object
        ? {
            [K in keyof T as NonNullable<T[K]> extends { readonly [M in Dropped]: unknown } ? never : K]: Unmarked<
              T[K],
              Kept,
              Dropped
            >;
          }
        : T;
type Readable<T> = Unmarked<T, "$read", "$write">;
type Writable<T> = Unmarked<T, "$write", "$read">;

/** A body that delivers its first half, then fails, as a connection cut mid-way does. */
function cutOff(body: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
      controller.error(new TypeError("terminated: the mock cut the body off"));
    },
  });
}
