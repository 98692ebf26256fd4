import type { ServerResponse } from "node:http";
import { exampleOf, type MatchedOperation, type SpecDocument } from "./spec-document.js";

/** What a mock can do wrong on purpose, for code that must survive it. */
export type FaultKind = "429" | "503" | "401" | "stall" | "truncate";
export const FAULT_KINDS: readonly FaultKind[] = ["429", "503", "401", "stall", "truncate"];

export interface FaultOptions {
  /** How many of the next calls get it (default 1). */
  count?: number;
  /** Seconds in the `Retry-After` of a 429 or 503 (default 1). */
  retryAfter?: number;
}

export interface QueuedFault extends Required<FaultOptions> {
  kind: FaultKind;
}

/** The request header that makes one call fail: `x-mock-fault: 503`. */
export const FAULT_HEADER = "x-mock-fault";

export function parseFault(kind: unknown, options: FaultOptions = {}): QueuedFault {
  if (!FAULT_KINDS.includes(kind as FaultKind))
    throw new TypeError(`Unknown fault ${JSON.stringify(kind)}: one of ${FAULT_KINDS.join(", ")}.`);
  const count = options.count ?? 1;
  const retryAfter = options.retryAfter ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new TypeError(`A fault's count is a whole number ≥ 1, not ${count}.`);
  if (!Number.isInteger(retryAfter) || retryAfter < 0)
    throw new TypeError(`A fault's retryAfter is whole seconds ≥ 0, not ${retryAfter}.`);
  return { kind: kind as FaultKind, count, retryAfter };
}

const STATUS_TEXT: Record<string, string> = {
  "429": "Too Many Requests",
  "503": "Service Unavailable",
  "401": "Unauthorized",
};

/**
 * Answers a request with a fault: a 429 or 503 with `Retry-After`, a 401 (what an expired token
 * gets), each with the body the operation documents for that status when it has one; a stall
 * that never answers (until the caller gives up or the mock stops); or a body cut off mid-way
 * (a `Content-Length` the socket never delivers).
 */
export function answerWithFault(
  fault: QueuedFault,
  spec: SpecDocument,
  matched: MatchedOperation | undefined,
  response: ServerResponse,
): void {
  if (fault.kind === "stall") return;
  if (fault.kind === "truncate") {
    const body = Buffer.from(JSON.stringify(successExample(spec, matched) ?? { message: "cut off by the mock" }));
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    response.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => response.socket?.destroy());
    return;
  }
  const documented = matched?.operation.responses?.[fault.kind];
  const example = documented ? exampleOf(spec, documented) : undefined;
  const headers: Record<string, string | number> = {};
  if (fault.kind !== "401") headers["retry-after"] = fault.retryAfter;
  else headers["www-authenticate"] = 'Bearer error="invalid_token", error_description="The access token expired"';
  if (example === undefined) {
    response.writeHead(Number(fault.kind), STATUS_TEXT[fault.kind], headers).end();
    return;
  }
  const mediaType = Object.keys(spec.resolve(documented).content ?? {})[0] ?? "application/json";
  response.writeHead(Number(fault.kind), STATUS_TEXT[fault.kind], { ...headers, "content-type": mediaType });
  response.end(JSON.stringify(example));
}

function successExample(spec: SpecDocument, matched: MatchedOperation | undefined): unknown {
  const responses = matched?.operation.responses ?? {};
  const status = Object.keys(responses).find((code) => code.startsWith("2"));
  return status ? exampleOf(spec, responses[status]) : undefined;
}
