import type { MaybeOptionalInit, Middleware, ParseAsResponse } from "openapi-fetch";
import type { FetchLike } from "./exchange.js";
import type { RequestPolicy } from "./policy.js";
import type {
  ErrorResponse,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  Readable,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from "openapi-typescript-helpers";

/**
 * The error of a failed call when no documented body fits: the answer's text, or
 * `"<status> <statusText>"` when it had none. An undocumented status, a documented one without
 * a body, and a body that is not JSON (KORONA's `401 Unauthorized`, a proxy's HTML page) all
 * arrive as this string.
 */
export type FallbackError = string;

/**
 * One call's result, as openapi-fetch's, with an `error` that names everything the runtime can
 * hand back: the bodies the spec documents for error statuses, or the fallback string. It is
 * never undefined (a documented status without a body arrives as the string), so
 * `error !== undefined` narrows `data`.
 */
// biome-ignore lint/suspicious/noExplicitAny: openapi-typescript-helpers' own constraint for an operation.
export type ApiResult<Operation extends Record<string | number, any>, Init, Media extends MediaType = MediaType> =
  | {
      data: ParseAsResponse<Readable<SuccessResponse<ResponseObjectMap<Operation>, Media>>, Init>;
      error?: never;
      response: Response;
    }
  | {
      data?: never;
      error: Exclude<Readable<ErrorResponse<ResponseObjectMap<Operation>, Media>>, undefined> | FallbackError;
      response: Response;
    };

/**
 * `Actual` with every key `Expected` does not have turned into `never`, at any depth: a
 * misspelled or unknown key in a request body or parameter fails to compile, which
 * openapi-fetch's inferred init lets through.
 */
export type Exact<Actual, Expected> = unknown extends Expected
  ? Actual
  : Actual extends Date | Blob | ArrayBuffer | ArrayBufferView | URLSearchParams | FormData | ReadableStream
    ? Actual
    : Actual extends readonly unknown[]
      ? ExactItems<Actual, ItemOf<Expected>>
      : Actual extends object
        ? {
            [K in keyof Actual]: K extends KeysOfUnion<Expected>
              ? Exact<Actual[K], NonNullable<ValueAt<Expected, K>>>
              : never;
          }
        : Actual;

type ExactItems<Actual extends readonly unknown[], Item> = { [I in keyof Actual]: Exact<Actual[I], Item> };
type ItemOf<T> = T extends readonly (infer Item)[] ? Item : never;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** The init a caller passes, its `body` and `params` held to exactly what the operation takes. */
type ExactInit<Init, Expected> = {
  [K in keyof Init as K extends "body" | "params" ? K : never]: Exact<
    Init[K],
    K extends keyof Expected ? Expected[K] : never
  >;
};

/**
 * The init argument. `Init` is inferred from what the caller wrote, unconstrained, so that a
 * body with a wrong key is still seen as written (with openapi-fetch's `Init extends Expected`
 * a failed match falls back to `Expected` and hides the key); `& Expected` checks it as usual.
 * The argument is optional when nothing in it is required, as in openapi-fetch.
 */
type InitArgs<Init, Expected> =
  RequiredKeysOf<NonNullable<Expected>> extends never
    ? [init?: Init & ExactInit<Init, NonNullable<Expected>> & NonNullable<Expected> & CallInit]
    : [init: Init & ExactInit<Init, NonNullable<Expected>> & NonNullable<Expected> & CallInit];

/** What every call takes besides openapi-fetch's init: its policy, its own fetch and its signal (undefined allowed). */
export type CallInit = RequestPolicy & {
  fetch?: FetchLike | undefined;
  signal?: AbortSignal | null | undefined;
  [key: string]: unknown;
};

/** openapi-fetch's init for the operation, but its `fetch` and `signal`, which CallInit types. */
type ExpectedInit<Paths, Path extends keyof Paths, Method extends HttpMethod> = WithoutFetch<
  MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]>
>;
type WithoutFetch<T> = T extends object ? Omit<T, "fetch" | "signal"> : T;
type OperationOf<Paths, Path extends keyof Paths, Method extends HttpMethod> =
  // biome-ignore lint/suspicious/noExplicitAny: as ApiResult's constraint.
  Paths[Path] extends Record<Method, infer Operation extends Record<string | number, any>> ? Operation : never;

/** `client.GET(path, init)` and its siblings. */
export type ApiMethod<Paths extends {}, Method extends HttpMethod, Media extends MediaType = MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends {} = {},
>(
  url: Path,
  ...init: InitArgs<Init, ExpectedInit<Paths, Path, Method>>
) => Promise<ApiResult<OperationOf<Paths, Path, Method>, Init, Media>>;

/** `client.request(method, path, init)`. */
export type ApiRequestMethod<Paths extends {}, Media extends MediaType = MediaType> = <
  Method extends HttpMethod,
  Path extends PathsWithMethod<Paths, Method>,
  Init extends {} = {},
>(
  method: Method,
  url: Path,
  ...init: InitArgs<Init, ExpectedInit<Paths, Path, Method>>
) => Promise<ApiResult<OperationOf<Paths, Path, Method>, Init, Media>>;

/**
 * The client every provider package returns: openapi-fetch's methods, typed by the spec's
 * paths, with exact request bodies and parameters and errors that include the fallback string.
 */
export interface ApiClient<Paths extends {}, Media extends MediaType = MediaType> {
  request: ApiRequestMethod<Paths, Media>;
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  TRACE: ApiMethod<Paths, "trace", Media>;
  /** Adds middleware, run after the provider's auth on every call. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
}
