import { createApiClient, headerAuth, requireCredential, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths } from "./generated/customers.js";
import {
  defaultBaseUrl,
  operations as operationList,
  packageId,
  type OperationMethods,
} from "./generated/operations.js";

export interface AcmeClientOptions extends ClientConfig {
  /** An API access token, sent as `Authorization: Bearer <token>`. Default: the ACME_ACCESS_TOKEN variable. */
  accessToken?: string | undefined;
}

/** A client for the Acme customers API, typed by its spec. */
export type AcmeClient = ApiClient<paths> & OperationMethods;

/** Creates a client for the Acme customers API. Every call returns openapi-fetch's `{ data, error, response }`. */
export function createAcmeClient(options: AcmeClientOptions = {}): AcmeClient {
  const { accessToken: givenToken, ...config } = options ?? {};
  const accessToken = requireCredential("createAcmeClient", "accessToken", givenToken, "ACME_ACCESS_TOKEN");
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl,
    operations: operationList,
    packageId,
    auth: headerAuth({ Authorization: `Bearer ${accessToken}` }, [accessToken]),
  });
}

export type Customer = components["schemas"]["Customer"];
export type { components, OperationMethods, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export * from "@org/client-runtime/public-api";
