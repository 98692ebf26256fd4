import { ApiError, unwrap } from "@org/client-runtime";
import type { AddOrUpdateResult, CustomerInput, KoronaCloudClient, WriteMode } from "./index.js";

/**
 * Customers sent per request by the batch helpers. KORONA answers BATCH_SIZE_OUT_OF_RANGE to
 * batches it finds too large and does not publish the bound; 100 stays well within what its
 * own clients send. Pass `batchSize` to change it.
 */
export const KORONA_BATCH_SIZE = 100;

export interface BatchOptions {
  /** Customers per request; default KORONA_BATCH_SIZE. */
  batchSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** Every per-customer result of a batch operation, in input order, with the failures apart. */
export interface BatchOutcome {
  results: AddOrUpdateResult[];
  /** Results with status ERROR: never lost in the crowd. */
  failed: AddOrUpdateResult[];
  /** True when every customer succeeded. */
  ok: boolean;
}

/** A whole chunk was refused (e.g. 400, 403, 429); the chunks before it had been applied. */
export class BatchError extends Error {
  override readonly name = "BatchError";
  /** Results of the chunks KORONA applied before the failure. */
  readonly completed: BatchOutcome;
  /** The customers not sent or refused: the failed chunk and every later one. */
  readonly remaining: CustomerInput[];
  override readonly cause: ApiError;

  constructor(cause: ApiError, completed: BatchOutcome, remaining: CustomerInput[]) {
    super(
      `A batch of ${remaining.length} customer(s) was not applied after ${completed.results.length} were: ${cause.message}`,
      { cause },
    );
    this.completed = completed;
    this.remaining = remaining;
    this.cause = cause;
  }
}

type ChunkResult =
  | { data: AddOrUpdateResult[]; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };
type SendChunk = (chunk: CustomerInput[]) => Promise<ChunkResult>;

async function inBatches(
  customers: readonly CustomerInput[],
  options: BatchOptions,
  send: SendChunk,
): Promise<BatchOutcome> {
  const batchSize = options.batchSize ?? KORONA_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a whole number from 1; got ${batchSize}.`);
  const results: AddOrUpdateResult[] = [];
  for (let start = 0; start < customers.length; start += batchSize) {
    const chunk = customers.slice(start, start + batchSize);
    try {
      results.push(...unwrap(await send(chunk)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new BatchError(error, outcomeOf(results), customers.slice(start));
    }
  }
  return outcomeOf(results);
}

function outcomeOf(results: AddOrUpdateResult[]): BatchOutcome {
  const failed = results.filter((result) => result.status === "ERROR");
  return { results, failed, ok: failed.length === 0 };
}

/** Adds customers, `batchSize` per request (`writeMode` as KORONA's addCustomers). */
export function addCustomersInBatches(
  client: KoronaCloudClient,
  accountId: string,
  customers: readonly CustomerInput[],
  options: BatchOptions & { writeMode?: WriteMode } = {},
): Promise<BatchOutcome> {
  const query = options.writeMode ? { writeMode: options.writeMode } : {};
  return inBatches(customers, options, (chunk) =>
    client.POST("/accounts/{accountId}/customers", {
      params: { path: { accountId }, query },
      body: chunk,
      signal: options.signal,
    }),
  );
}

/** Updates customers (each with its `number` or `id`), `batchSize` per request. */
export function updateCustomersInBatches(
  client: KoronaCloudClient,
  accountId: string,
  customers: readonly CustomerInput[],
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  return inBatches(customers, options, (chunk) =>
    client.PATCH("/accounts/{accountId}/customers", {
      params: { path: { accountId } },
      body: chunk,
      signal: options.signal,
    }),
  );
}

/** Deletes customers (each with its `number` or `id`), `batchSize` per request. */
export function deleteCustomersInBatches(
  client: KoronaCloudClient,
  accountId: string,
  customers: readonly CustomerInput[],
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  return inBatches(customers, options, (chunk) =>
    client.DELETE("/accounts/{accountId}/customers", {
      params: { path: { accountId } },
      body: chunk,
      signal: options.signal,
    }),
  );
}
