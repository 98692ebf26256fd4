export * from "./public-api.js";
export { createApiClient, type ApiClientOptions, type ClientConfig } from "./create-api-client.js";
export { headerAuth } from "./header-auth.js";
export { basicAuthorization } from "./basic-auth.js";
export { clientCredentialsAuth, type ClientCredentialsOptions } from "./client-credentials-auth.js";
export { checkBaseUrl } from "./base-url.js";
export { encodeFormBody } from "./form-body.js";
export type { ApiErrorClass } from "./exchange-record.js";
export type { Client, Middleware } from "openapi-fetch";
