import { exampleOf, type MatchedOperation, type SpecDocument, successStatus } from "./spec-document.js";

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

function parseFault(kind: unknown, options: FaultOptions = {}): QueuedFault {
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

export interface FaultAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  /** Send only the first half of `body` and end the connection. */
  truncate?: boolean;
}

/**
 * What a fault answers: a 429 or 503 with `Retry-After`, a 401 (what an expired token gets), each
 * with the body the operation documents for that status when it has one; a body cut off mid-way
 * (`truncate`: its `Content-Length` is never delivered); or, for a stall, nothing (undefined):
 * the caller waits until it gives up or the mock stops.
 */
export function faultAnswer(
  fault: QueuedFault,
  spec: SpecDocument,
  matched: MatchedOperation | undefined,
): FaultAnswer | undefined {
  if (fault.kind === "stall") return undefined;
  if (fault.kind === "truncate") {
    const body = JSON.stringify(successExample(spec, matched) ?? { message: "cut off by the mock" });
    return { status: 200, statusText: "OK", headers: { "content-type": "application/json" }, body, truncate: true };
  }
  const documented = matched?.operation.responses?.[fault.kind];
  const example = documented ? exampleOf(spec, documented) : undefined;
  const headers: Record<string, string> =
    fault.kind === "401"
      ? { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"' }
      : { "retry-after": String(fault.retryAfter) };
  if (example !== undefined)
    headers["content-type"] = Object.keys(spec.resolve(documented).content ?? {})[0] ?? "application/json";
  const body = example === undefined ? "" : JSON.stringify(example);
  return { status: Number(fault.kind), statusText: STATUS_TEXT[fault.kind]!, headers, body };
}

function successExample(spec: SpecDocument, matched: MatchedOperation | undefined): unknown {
  return matched ? exampleOf(spec, matched.operation.responses?.[successStatus(matched.operation)]) : undefined;
}

/** Queued faults, served in order, each for its count of calls. */
export class FaultQueue {
  readonly #queued: QueuedFault[] = [];
  add(kind: unknown, options?: FaultOptions): void {
    this.#queued.push(parseFault(kind, options));
  }
  clear(): void {
    this.#queued.length = 0;
  }
  /** The fault for this call: the one its `x-mock-fault` header asks for, else the next queued. */
  next(asked: string | null | undefined): QueuedFault | undefined {
    if (asked !== undefined && asked !== null) return parseFault(asked);
    const queued = this.#queued[0];
    if (queued && --queued.count === 0) this.#queued.shift();
    return queued;
  }
}
