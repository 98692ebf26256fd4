import { createApiClient, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import { operations as operationList, servers } from "./generated/operations.js";
import { PreconditionFailedError } from "./concurrency.js";
import { httpSignatureAuth, type SignatureCredentials } from "./http-signature.js";

/** The JSON media type CyberSource sends and expects, charset included. */
export const CYBERSOURCE_JSON = "application/json;charset=utf-8";

export interface CyberSourceClientOptions extends ClientConfig, SignatureCredentials {
  /** `test` (apitest.cybersource.com, the default) or `production` (api.cybersource.com); `baseUrl` overrides it. */
  environment?: "test" | "production";
}

/** A client for CyberSource Token Management customers, typed by its spec. */
export type CyberSourceClient = ApiClient<paths>;

/**
 * Creates a CyberSource TMS customers client that signs every request with your HTTP Signature
 * key. Every call returns openapi-fetch's `{ data, error, response }`; `responseMetaOf(result)`
 * gives its ETag and correlation id, and `unwrap()` throws an ApiError (a
 * PreconditionFailedError for a 412).
 */
export function createCyberSourceClient(options: CyberSourceClientOptions): CyberSourceClient {
  const { merchantId, keyId, sharedSecret, environment = "test", ...config } = options ?? ({} as CyberSourceClientOptions);
  for (const [name, value] of Object.entries({ merchantId, keyId, sharedSecret })) {
    if (!value) throw new TypeError(`createCyberSourceClient needs ${name}: find it under Payment Configuration > Key Management in the Business Center.`);
  }
  const server = servers.find((candidate) => candidate.description === (environment === "production" ? "Production" : "Test environment"));
  return createApiClient<paths>({
    ...config,
    defaultBaseUrl: server!.url,
    headers: { Accept: CYBERSOURCE_JSON, ...config.headers },
    operations: operationList,
    middleware: [httpSignatureAuth({ merchantId, keyId, sharedSecret })],
    credentialHeaders: ["signature", "digest", "v-c-merchant-id"],
    secrets: [sharedSecret],
    requestIdHeaders: ["v-c-correlation-id", "uniquetransactionid"],
    errorCode: (body) => {
      const type = (body as { errors?: { type?: unknown }[] } | undefined)?.errors?.[0]?.type;
      return typeof type === "string" ? type : undefined;
    },
    errorClasses: { 412: PreconditionFailedError },
  });
}

type Schemas = components["schemas"];
/** A Customer token as CyberSource returns it. */
export type Customer = Readable<Schemas["StoredCustomer"]>;
/** What postCustomer and patchCustomer take: the Customer without its read-only parts. */
export type CustomerInput = Writable<Schemas["Customer"]>;
export type MerchantDefinedField = Readable<Schemas["MerchantDefinedField"]>;
export type PaymentInstrument = Readable<Schemas["PaymentInstrument"]>;
export type ShippingAddress = Readable<Schemas["ShippingAddress"]>;
export type Address = Readable<Schemas["Address"]>;
export type CyberSourceErrorResponse = Readable<Schemas["ErrorResponse"]>;
export type CyberSourceError = Readable<Schemas["Error"]>;

export type { components, operations, paths };
export { operations as operationList, servers } from "./generated/operations.js";
export { isPreconditionFailed, patchCustomer, PreconditionFailedError, responseMetaOf, type ResponseMeta } from "./concurrency.js";
export { httpSignatureAuth, signRequest, type SignatureCredentials, type SignatureHeaders, type SignatureInput } from "./http-signature.js";
export * from "@org/client-runtime/public-api";
