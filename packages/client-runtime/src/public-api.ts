/**
 * What a provider package re-exports to its users, in one line:
 * `export * from "@org/client-runtime/public-api";`. The rest of the runtime is for providers.
 */
export {
  ApiError,
  ClientError,
  ConnectionError,
  InvalidResponseError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from "./errors.js";
export type { RequestPolicy, RetryEvent } from "./policy.js";
export type { FetchInit, FetchLike, FetchOptions } from "./exchange.js";
export { unwrap, apiErrorOf, type DataOf, type ErrorOf, type FetchResult } from "./unwrap.js";
export type { ApiClient, ApiMethod, ApiRequestMethod, ApiResult, Exact, FallbackError } from "./api-client-types.js";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./status-errors.js";
export type { Logger, LogLevel } from "./logging.js";
export type { OperationArgs, OperationInit, OperationMethod } from "./operation-methods.js";
export { items, pages, type PagingOptions } from "./paging.js";
