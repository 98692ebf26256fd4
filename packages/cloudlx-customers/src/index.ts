import { createApiClient, headerAuth, type Client, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths } from "./generated/customers.js";
import { defaultBaseUrl, requestMediaTypes } from "./generated/operations.js";

export interface CloudLxClientOptions extends ClientConfig {
  /** An API access token, sent as `Authorization: Bearer <token>`. */
  accessToken: string;
}

/** A client for the CloudLx customers API, typed by its spec. */
export type CloudLxClient = Client<paths>;

/** Creates a CloudLx customers client. Every call returns openapi-fetch's `{ data, error, response }`. */
export function createCloudLxClient(options: CloudLxClientOptions): CloudLxClient {
  const { accessToken, ...config } = options ?? ({} as CloudLxClientOptions);
  if (!accessToken) throw new TypeError("createCloudLxClient needs an accessToken.");
  return createApiClient<paths>({
    ...config,
    defaultBaseUrl,
    requestMediaTypes,
    middleware: [headerAuth("Authorization", `Bearer ${accessToken}`)],
    credentialHeaders: ["Authorization"],
    secrets: [accessToken],
  });
}

export type Customer = components["schemas"]["Customer"];
export type { components, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export { ApiError, callOptions, ClientError, ConnectionError, InvalidResponseError, TimeoutError, unwrap } from "@org/client-runtime";
