import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { expect as vitestExpect, it as vitestIt } from "vitest";
import { parse } from "yaml";

/** One answer a spec documents: an operation and a numeric status, with its body's schema if it has one. */
export interface DocumentedAnswer {
  operationId: string;
  method: string;
  path: string;
  status: number;
  /** JSON pointers to the body schema of each media type the answer documents. */
  schemas: Record<string, string>;
}

/** What a client call returns: openapi-fetch's result. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Calls one operation through a real client, with the extra request headers given (Prism's `Prefer`). */
export type OperationCall<Client> = (client: Client, headers: Record<string, string>) => Promise<CallResult>;

export interface ConformanceOptions<Client, OperationId extends string> {
  /** The mock serving the spec. */
  baseUrl: string;
  /** The package's client for a base URL, without retries (a documented 5xx must come back at once). */
  client: (baseUrl: string) => Client;
  /** A valid call of every operation, by operationId. */
  calls: Readonly<Record<OperationId, OperationCall<Client>>>;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const UNDOCUMENTED_CANDIDATES = [500, 503, 418];
const NUMERIC_FORMATS = ["int32", "int64", "float", "double"];

/**
 * Checks that what a client hands back from the Prism mock is what its spec (and so its types)
 * promise, for every operation and every documented status: `data` of a 2xx and `error` of a
 * documented JSON body validate against the schema; any other error is the fallback string.
 */
export function specConformance<Client, OperationId extends string>(
  specFile: string,
  options: ConformanceOptions<Client, OperationId>,
) {
  const calls = options.calls as Readonly<Record<string, OperationCall<Client>>>;
  const mockClient = options.client(options.baseUrl);
  const document = parse(readFileSync(specFile, "utf8")) as Record<string, unknown>;
  const answers = documentedAnswers(document);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const format of NUMERIC_FORMATS) ajv.addFormat(format, { type: "number", validate: () => true });
  ajv.addSchema(document, "spec");
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (pointer: string) => {
    const known = validators.get(pointer);
    if (known) return known;
    const validate = ajv.compile({ $ref: `spec#${encodeURI(pointer)}` });
    validators.set(pointer, validate);
    return validate;
  };

  const callOf = (operationId: string): OperationCall<Client> => {
    const call = calls[operationId];
    if (!call) throw new Error(`No call for ${operationId}: add one to the conformance test's calls.`);
    return call;
  };

  return {
    answers,
    /** Every operationId of the spec, in path order. */
    operationIds: [...new Set(answers.map((answer) => answer.operationId))],
    /** Every operation of the spec has a call, and every call an operation. */
    coverage(): { missing: string[]; unknown: string[] } {
      const operations = new Set(answers.map((answer) => answer.operationId));
      return {
        missing: [...operations].filter((id) => !calls[id]),
        unknown: Object.keys(calls).filter((id) => !operations.has(id)),
      };
    },
    /** The problems of one documented answer, as `operationId status: where what`; none when it conforms. */
    async check(answer: DocumentedAnswer): Promise<string[]> {
      const result = await callOf(answer.operationId)(mockClient, { Prefer: `code=${answer.status}` });
      const where = `${answer.operationId} ${answer.status}`;
      if (result.response.status !== answer.status) return [`${where}: the mock answered ${result.response.status}`];
      const ok = answer.status >= 200 && answer.status < 300;
      const value = ok ? result.data : result.error;
      const label = ok ? "data" : "error";
      const pointer = schemaFor(answer, result.response.headers.get("content-type"));
      if (!pointer) {
        if (ok)
          return value === undefined
            ? []
            : [`${where}: data is ${JSON.stringify(value)} where the spec documents no body`];
        return typeof value === "string"
          ? []
          : [
              `${where}: error is ${JSON.stringify(value)}, not the fallback string the spec's undocumented body promises`,
            ];
      }
      const validate = validatorFor(pointer);
      return validate(value)
        ? []
        : (validate.errors ?? []).map(
            (error) => `${where}: ${label}${error.instancePath || ""} ${explain(error)} (schema ${pointer})`,
          );
    },
    /**
     * An error status the operation does not document (500, else 503 or 418) arrives as the
     * fallback string, whether its body is text, empty or JSON. Prism cannot answer a status
     * its spec lacks, so a plain loopback server answers these, to the same client.
     */
    async checkUndocumented(operationId: string): Promise<string[]> {
      const status = UNDOCUMENTED_CANDIDATES.find(
        (code) => !answers.some((answer) => answer.operationId === operationId && answer.status === code),
      )!;
      const problems: string[] = [];
      for (const [body, type, expected] of [
        ["oops", "text/plain", "oops"],
        ["", undefined, `${status} `],
        ['{"message":"down"}', "application/json", '{"message":"down"}'],
      ] as const) {
        const result = await withStatusServer(status, body, type, (url) =>
          callOf(operationId)(options.client(url), {}),
        );
        const where = `${operationId} ${status} (undocumented, ${body ? type : "empty"} body)`;
        if (result.response.status !== status) problems.push(`${where}: the server answered ${result.response.status}`);
        else if (typeof result.error !== "string" || !result.error.startsWith(expected))
          problems.push(`${where}: error is ${JSON.stringify(result.error)}, not the fallback string`);
      }
      return problems;
    },
  };
}

export type SpecConformance = ReturnType<typeof specConformance>;

/**
 * The conformance tests of a package, in the caller's describe block: every operation has a
 * call, every documented answer conforms, and an undocumented error arrives as the fallback text.
 * The package passes its own `it` and `expect`, so the tests belong to its vitest run.
 */
export function testConformance(
  conformance: SpecConformance,
  { it, expect }: { it: typeof vitestIt; expect: typeof vitestExpect },
): void {
  it("calls every operation of the spec", () => {
    expect(conformance.coverage()).toEqual({ missing: [], unknown: [] });
  });

  it.each(conformance.answers)("$operationId $status", async (answer) => {
    expect(await conformance.check(answer)).toEqual([]);
  });

  it.each(conformance.operationIds)(
    "%s: an undocumented error status arrives as the fallback text",
    async (operationId) => {
      expect(await conformance.checkUndocumented(operationId)).toEqual([]);
    },
  );
}

/** A loopback server that answers every request with one status and body, for one call. */
async function withStatusServer<T>(
  status: number,
  body: string,
  type: string | undefined,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(status, type ? { "content-type": type } : {}).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }
}

function explain(error: ErrorObject): string {
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
  return `${error.message ?? error.keyword}${extra}`;
}

/** The body schema for the media type the answer came in, else the answer's first. */
function schemaFor(answer: DocumentedAnswer, contentType: string | null): string | undefined {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  const entries = Object.entries(answer.schemas);
  return (entries.find(([type]) => type.split(";")[0]!.trim().toLowerCase() === mediaType) ?? entries[0])?.[1];
}

/** Every operation × numeric status of the spec, in path order. */
export function documentedAnswers(document: Record<string, unknown>): DocumentedAnswer[] {
  const answers: DocumentedAnswer[] = [];
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as { operationId?: string; responses?: Record<string, unknown> } | undefined;
      if (!operation) continue;
      for (const status of Object.keys(operation.responses ?? {}).filter((key) => /^\d{3}$/.test(key))) {
        const [response, at] = follow(
          document,
          operation.responses![status],
          `/paths/${escapePointer(path)}/${method}/responses/${status}`,
        );
        const content = ((response as { content?: Record<string, { schema?: unknown }> }).content ?? {}) as Record<
          string,
          { schema?: unknown }
        >;
        const schemas = Object.fromEntries(
          Object.entries(content)
            .filter(([, media]) => media.schema !== undefined)
            .map(([type]) => [type, `${at}/content/${escapePointer(type)}/schema`]),
        );
        answers.push({
          operationId: operation.operationId ?? `${method} ${path}`,
          method: method.toUpperCase(),
          path,
          status: Number(status),
          schemas,
        });
      }
    }
  }
  return answers;
}

/** A node and its JSON pointer, following local `$ref`s. */
function follow(document: Record<string, unknown>, node: unknown, at: string): [unknown, string] {
  let current = node;
  let pointer = at;
  while (current && typeof current === "object" && typeof (current as { $ref?: unknown }).$ref === "string") {
    pointer = (current as { $ref: string }).$ref.replace(/^#/, "");
    current = pointer
      .split("/")
      .slice(1)
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((parent, key) => (parent as Record<string, unknown> | undefined)?.[key], document);
  }
  return [current, pointer];
}

function escapePointer(part: string): string {
  return part.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * The platform's fetch with one request header removed: a client sends it without the
 * credential its auth step set (the pipeline sets credentials after every middleware, so only
 * the fetch sees the request as sent).
 */
export function withoutHeader(name: string): (url: string, init: RequestInit) => Promise<Response> {
  return (url, init) => {
    const headers = new Headers(init.headers);
    headers.delete(name);
    return fetch(url, { ...init, headers });
  };
}
