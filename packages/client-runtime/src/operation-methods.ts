import type { FetchOptions } from "openapi-fetch";
import type { ApiResult } from "./api-client-types.js";
import type { FetchLike } from "./exchange.js";
import type { RequestPolicy } from "./policy.js";
import type { OperationInfo } from "./operation-rules.js";
import type { Call } from "./call.js";

type Part<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type ParametersOf<Operation> = Operation extends { parameters: infer Parameters } ? Parameters : {};
/** One object type, its optional keys also taking `undefined` (left out of the request), as with `exactOptionalPropertyTypes` users expect. */
type Flat<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] } & {};

/**
 * What an operation method takes: its path, query and header parameters side by side, and its
 * `body` when it has one, e.g. `{ accountId, page }` or `{ customer_id, body: { name } }`.
 */
export type OperationArgs<Operation> = Flat<
  Part<ParametersOf<Operation> extends { path?: infer Path } ? Path : never> &
    Part<ParametersOf<Operation> extends { query?: infer Query } ? Query : never> &
    Part<ParametersOf<Operation> extends { header?: infer Header } ? Header : never> &
    Pick<FetchOptions<Operation>, "body">
>;

/** The rest of a call's options: `signal`, `headers`, `parseAs`, `middleware`, and its policy (`timeout`, `maxRetries` …). */
export type OperationInit = Omit<FetchOptions<{}>, "params" | "body" | "fetch" | "signal"> &
  RequestPolicy & { fetch?: FetchLike | undefined; signal?: AbortSignal | null | undefined };

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** `client.getCustomer(args, init)`: the same result, middleware and policy as `client.GET(path, …)`. */
// biome-ignore lint/suspicious/noExplicitAny: as ApiResult's constraint.
export type OperationMethod<Operation extends Record<string | number, any>> = <Init extends OperationInit = {}>(
  ...args: RequiredKeys<OperationArgs<Operation>> extends never
    ? [args?: OperationArgs<Operation>, init?: Init]
    : [args: OperationArgs<Operation>, init?: Init]
) => Promise<ApiResult<Operation, Init>>;

/**
 * One method per operation, built once per client: it sorts the flat arguments into openapi-fetch's
 * `params` and `body` and makes the same call the path style makes.
 */
export function operationMethods(call: Call, operations: readonly OperationInfo[]): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const operation of operations) methods[operation.operationId] = operationMethod(call, operation);
  return methods;
}

function operationMethod(call: Call, operation: OperationInfo) {
  const locations = new Map<string, "path" | "query" | "header">();
  for (const location of ["path", "query", "header"] as const)
    for (const name of operation.parameters?.[location] ?? []) locations.set(name, location);
  const { method, path, operationId } = operation;
  return (args: Record<string, unknown> = {}, init: Record<string, unknown> = {}) => {
    const params: Partial<Record<"path" | "query" | "header", Record<string, unknown>>> = {};
    let body: unknown;
    for (const name in args) {
      if (name === "body") {
        body = args.body;
        continue;
      }
      const location = locations.get(name);
      if (!location) throw new TypeError(`${operationId} takes no parameter "${name}".`);
      params[location] = { ...params[location], [name]: args[name] };
    }
    return call(method, path, body === undefined ? { ...init, params } : { ...init, params, body });
  };
}
