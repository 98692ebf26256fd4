import { basicAuth, createApiClient, requireCredential, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import {
  defaultBaseUrl,
  operations as operationList,
  packageId,
  type OperationMethods,
} from "./generated/operations.js";

export interface KoronaCloudClientOptions extends ClientConfig {
  /** The API user's name (KORONA.cloud > Settings > API). Default: the KORONA_USERNAME variable. */
  username?: string;
  /** The API user's password. Default: the KORONA_PASSWORD variable. */
  password?: string;
}

/** A client for the KORONA.cloud API v3 customers, typed by its spec. */
export type KoronaCloudClient = ApiClient<paths> & OperationMethods;

/**
 * Creates a KORONA.cloud customers client with HTTP Basic auth. Every call returns
 * openapi-fetch's `{ data, error, response }`; errors carry KORONA's `code`. The helpers
 * `listCustomers`, `syncCustomers` and the batch functions work on top of it.
 */
export function createKoronaCloudClient(options: KoronaCloudClientOptions = {}): KoronaCloudClient {
  const { username: givenUsername, password: givenPassword, ...config } = options ?? {};
  const username = requireCredential(
    "createKoronaCloudClient",
    "username",
    givenUsername,
    "KORONA_USERNAME",
    "the API user's name",
  );
  const password = requireCredential(
    "createKoronaCloudClient",
    "password",
    givenPassword,
    "KORONA_PASSWORD",
    "the API user's password",
  );
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl,
    operations: operationList,
    packageId,
    auth: basicAuth(username, password),
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
// The error bodies are named …Body: the error classes (NotFoundError, …) come from the runtime.
export type BadRequestBody = Readable<Schemas["BadRequestError"]>;
export type ForbiddenBody = Readable<Schemas["ForbiddenError"]>;
export type NotFoundBody = Readable<Schemas["NotFoundError"]>;
export type TooManyRequestsBody = Readable<Schemas["TooManyRequestsError"]>;
/** Every error body KORONA sends: `{ message, code }`. */
export type KoronaError = BadRequestBody | ForbiddenBody | NotFoundBody | TooManyRequestsBody;
export type ForbiddenErrorCode = Schemas["ForbiddenErrorCode"];
/** Every documented KORONA error code; 403s also use `POINT_OF_SALE_…` codes. */
export type KoronaErrorCode =
  | BadRequestBody["code"]
  | ForbiddenErrorCode
  | `POINT_OF_SALE_${string}`
  | NotFoundBody["code"]
  | TooManyRequestsBody["code"];

export type { components, OperationMethods, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export {
  listCustomers,
  listCustomerPages,
  syncCustomers,
  type ListCustomersOptions,
  type SyncOptions,
  type SyncResult,
} from "./paging.js";
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
