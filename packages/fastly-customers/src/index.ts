import { createApiClient, headerAuth, requireCredential, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import {
  defaultBaseUrl,
  operations as operationList,
  packageId,
  type OperationMethods,
} from "./generated/operations.js";

const TOKEN_HEADER = "Fastly-Key";

export interface FastlyClientOptions extends ClientConfig {
  /** A Fastly API token, sent as the `Fastly-Key` header. Default: the FASTLY_API_TOKEN variable. */
  apiToken?: string;
}

/** A client for Fastly's customer API, typed by its spec: `client.GET("/current_customer")`. */
export type FastlyClient = ApiClient<paths> & OperationMethods;

/**
 * Creates a Fastly customer API client. Every call returns openapi-fetch's
 * `{ data, error, response }`; `unwrap()` from this package throws an ApiError instead.
 */
export function createFastlyClient(options: FastlyClientOptions = {}): FastlyClient {
  const { apiToken: givenToken, ...config } = options ?? {};
  const apiToken = requireCredential(
    "createFastlyClient",
    "apiToken",
    givenToken,
    "FASTLY_API_TOKEN",
    "a Fastly API token with access to the customer",
  );
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl,
    operations: operationList,
    packageId,
    auth: headerAuth({ [TOKEN_HEADER]: apiToken }),
  });
}

type Schemas = components["schemas"];
export type Customer = Readable<Schemas["Customer"]>;
export type CustomerUpdate = Writable<Schemas["CustomerUpdate"]>;
export type BillingNetworkType = Schemas["BillingNetworkType"];
export type User = Readable<Schemas["User"]>;
export type UserRole = Schemas["UserRole"];
export type DeleteResponse = Readable<Schemas["DeleteResponse"]>;
export type FastlyError = Readable<Schemas["Error"]>;

export type { components, OperationMethods, operations, paths };
export { defaultBaseUrl, operations as operationList } from "./generated/operations.js";
export * from "@org/client-runtime/public-api";
