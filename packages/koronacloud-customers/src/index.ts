import { basicAuthorization, createApiClient, headerAuth, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import { defaultBaseUrl, operations as operationList } from "./generated/operations.js";

export interface KoronaCloudClientOptions extends ClientConfig {
  /** The API user's name (KORONA.cloud > Settings > API). */
  username: string;
  /** The API user's password. */
  password: string;
}

/** A client for the KORONA.cloud API v3 customers, typed by its spec. */
export type KoronaCloudClient = ApiClient<paths>;

/**
 * Creates a KORONA.cloud customers client with HTTP Basic auth. Every call returns
 * openapi-fetch's `{ data, error, response }`; errors carry KORONA's `code`. The helpers
 * `listCustomers`, `syncCustomers` and the batch functions work on top of it.
 */
export function createKoronaCloudClient(options: KoronaCloudClientOptions): KoronaCloudClient {
  const { username, password, ...config } = options ?? ({} as KoronaCloudClientOptions);
  if (!username || !password) throw new TypeError("createKoronaCloudClient needs the API user's username and password.");
  const authorization = basicAuthorization(username, password);
  return createApiClient<paths>({
    ...config,
    defaultBaseUrl,
    operations: operationList,
    middleware: [headerAuth("Authorization", authorization)],
    credentialHeaders: ["Authorization"],
    secrets: [password, authorization.slice("Basic ".length)],
  });
}

type Schemas = components["schemas"];
/** A customer as KORONA returns it. */
export type Customer = Readable<Schemas["StoredCustomer"]>;
/** What the add and update batches take: a customer without its read-only fields. */
export type CustomerInput = Writable<Schemas["Customer"]>;
export type AddressInformation = Readable<Schemas["AddressInformation"]>;
export type CustomerCard = Readable<Schemas["CustomerCard"]>;
export type ModelReference = Readable<Schemas["ModelReference"]>;
export type CustomerInformation = Readable<Schemas["CustomerInformation"]>;
export type ResultListCustomer = Readable<Schemas["ResultListCustomer"]>;
export type AddOrUpdateResult = Readable<Schemas["AddOrUpdateResult"]>;
export type WriteMode = Schemas["WriteMode"];
export type BadRequestError = Readable<Schemas["BadRequestError"]>;
export type ForbiddenError = Readable<Schemas["ForbiddenError"]>;
export type NotFoundError = Readable<Schemas["NotFoundError"]>;
export type TooManyRequestsError = Readable<Schemas["TooManyRequestsError"]>;
/** Every error body KORONA sends: `{ message, code }`. */
export type KoronaError = BadRequestError | ForbiddenError | NotFoundError | TooManyRequestsError;
export type ForbiddenErrorCode = Schemas["ForbiddenErrorCode"];
/** Every documented KORONA error code; 403s also use `POINT_OF_SALE_…` codes. */
export type KoronaErrorCode =
  | BadRequestError["code"]
  | ForbiddenErrorCode
  | `POINT_OF_SALE_${string}`
  | NotFoundError["code"]
  | TooManyRequestsError["code"];

export type { components, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export { listCustomers, listCustomerPages, syncCustomers, type ListCustomersOptions, type SyncOptions, type SyncResult } from "./paging.js";
export {
  addCustomersInBatches,
  BatchError,
  deleteCustomersInBatches,
  KORONA_BATCH_SIZE,
  updateCustomersInBatches,
  type BatchOptions,
  type BatchOutcome,
} from "./batches.js";
export * from "@org/client-runtime/public-api";
