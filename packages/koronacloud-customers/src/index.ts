import { basicAuthorization, createApiClient, headerAuth, type Client, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths } from "./generated/customers.js";
import { defaultBaseUrl, requestMediaTypes } from "./generated/operations.js";

export interface KoronaCloudClientOptions extends ClientConfig {
  /** The API user's name (KORONA.cloud > Settings > API). */
  username: string;
  /** The API user's password. */
  password: string;
}

/** A client for the KORONA.cloud API v3 customers, typed by its spec. */
export type KoronaCloudClient = Client<paths>;

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
    requestMediaTypes,
    middleware: [headerAuth("Authorization", authorization)],
    credentialHeaders: ["Authorization"],
    secrets: [password, authorization.slice("Basic ".length)],
  });
}

type Schemas = components["schemas"];
export type Customer = Schemas["Customer"];
export type AddressInformation = Schemas["AddressInformation"];
export type CustomerCard = Schemas["CustomerCard"];
export type ModelReference = Schemas["ModelReference"];
export type CustomerInformation = Schemas["CustomerInformation"];
export type ResultListCustomer = Schemas["ResultListCustomer"];
export type AddOrUpdateResult = Schemas["AddOrUpdateResult"];
export type WriteMode = Schemas["WriteMode"];
export type BadRequestError = Schemas["BadRequestError"];
export type ForbiddenError = Schemas["ForbiddenError"];
export type NotFoundError = Schemas["NotFoundError"];
export type TooManyRequestsError = Schemas["TooManyRequestsError"];
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
