import type { CustomerInput, CyberSourceClient } from "./index.js";

/** What every CyberSource answer says besides its body, on success and on error alike. */
export interface ResponseMeta {
  /** The version of the Customer (create, get and patch): pass it to patch as `if-match`. */
  etag: string | undefined;
  /** `v-c-correlation-id`: quote it to CyberSource support. */
  correlationId: string | undefined;
  /** `uniqueTransactionID`: a globally unique id of the request. */
  uniqueTransactionId: string | undefined;
  /** `Location` of a created Customer. */
  location: string | undefined;
}

/** The ETag, correlation id, transaction id and location of any call's result. */
export function responseMetaOf(result: { response: Response }): ResponseMeta {
  const header = (name: string) => result.response.headers.get(name) ?? undefined;
  return {
    etag: header("etag"),
    correlationId: header("v-c-correlation-id"),
    uniqueTransactionId: header("uniquetransactionid"),
    location: header("location"),
  };
}

/** True when a patch failed because the Customer changed since the ETag it was given (412). */
export function isPreconditionFailed<R extends { response: Response; error?: unknown }>(
  result: R,
): result is Extract<R, { error: unknown }> {
  return result.response.status === 412;
}

/**
 * Updates a Customer only if it is still at the version `ifMatch` names (the ETag of your last
 * read): sends it as the `if-match` header. A Customer changed since answers 412
 * (`isPreconditionFailed`). The result carries the new ETag in `responseMetaOf(result)`.
 */
export function patchCustomer(
  client: CyberSourceClient,
  customerId: string,
  body: CustomerInput,
  options: { ifMatch?: string | undefined; profileId?: string | undefined; signal?: AbortSignal | undefined } = {},
) {
  const header = {
    ...(options.ifMatch === undefined ? {} : { "if-match": options.ifMatch }),
    ...(options.profileId === undefined ? {} : { "profile-id": options.profileId }),
  };
  return client.PATCH("/tms/v2/customers/{customerId}", {
    params: { path: { customerId }, header },
    body,
    signal: options.signal,
  });
}
