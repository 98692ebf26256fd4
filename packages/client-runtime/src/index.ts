export { createApiClient, type ApiClientOptions, type ClientConfig } from "./create-api-client.js";
export { callOptions, type RequestPolicy, type RetryEvent } from "./call-options.js";
export { headerAuth } from "./header-auth.js";
export { checkBaseUrl } from "./base-url.js";
export { encodeFormBody } from "./form-body.js";
export { ApiError, ClientError, ConnectionError, InvalidResponseError, TimeoutError } from "./errors.js";
export { unwrap, apiErrorOf, type DataOf, type ErrorOf, type FetchResult } from "./unwrap.js";
export type { Client, Middleware } from "openapi-fetch";
export type { ApiErrorClass } from "./exchange-record.js";
