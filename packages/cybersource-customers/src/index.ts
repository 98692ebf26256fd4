import { createApiClient, requireCredential, type ApiClient, type ClientConfig } from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import { operations as operationList, packageId, servers, type OperationMethods } from "./generated/operations.js";
import { httpSignatureAuth, type SignatureCredentials } from "./http-signature.js";

/** The JSON media type CyberSource sends and expects, charset included. */
export const CYBERSOURCE_JSON = "application/json;charset=utf-8";

/** The HTTP Signature key; each defaults to its variable: CYBERSOURCE_MERCHANT_ID, CYBERSOURCE_KEY_ID, CYBERSOURCE_SHARED_SECRET. */
export interface CyberSourceClientOptions extends ClientConfig, Partial<SignatureCredentials> {
  /** `test` (apitest.cybersource.com, the default) or `production` (api.cybersource.com); `baseUrl` overrides it. */
  environment?: "test" | "production";
}

/** A client for CyberSource Token Management customers, typed by its spec. */
export type CyberSourceClient = ApiClient<paths> & OperationMethods;

/**
 * Creates a CyberSource TMS customers client that signs every request with your HTTP Signature
 * key. Every call returns openapi-fetch's `{ data, error, response }`; `responseMetaOf(result)`
 * gives its ETag and correlation id, and `unwrap()` throws an ApiError (a
 * PreconditionFailedError for a 412).
 */
export function createCyberSourceClient(options: CyberSourceClientOptions = {}): CyberSourceClient {
  const {
    environment = "test",
    merchantId: givenMerchantId,
    keyId: givenKeyId,
    sharedSecret: givenSecret,
    ...config
  } = options ?? {};
  const credential = (option: keyof SignatureCredentials, given: string | undefined, variable: string) =>
    requireCredential(
      "createCyberSourceClient",
      option,
      given,
      variable,
      "Business Center: Payment Configuration > Key Management",
    );
  const merchantId = credential("merchantId", givenMerchantId, "CYBERSOURCE_MERCHANT_ID");
  const keyId = credential("keyId", givenKeyId, "CYBERSOURCE_KEY_ID");
  const sharedSecret = credential("sharedSecret", givenSecret, "CYBERSOURCE_SHARED_SECRET");
  const server = servers.find(
    (candidate) => candidate.description === (environment === "production" ? "Production" : "Test environment"),
  );
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl: server!.url,
    headers: { Accept: CYBERSOURCE_JSON, ...config.headers },
    operations: operationList,
    packageId,
    auth: httpSignatureAuth({ merchantId, keyId, sharedSecret }),
    requestIdHeaders: ["v-c-correlation-id", "uniquetransactionid"],
    errorCode: (body) => {
      const type = (body as { errors?: { type?: unknown }[] } | undefined)?.errors?.[0]?.type;
      return typeof type === "string" ? type : undefined;
    },
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

export type { components, OperationMethods, operations, paths };
export { operations as operationList, servers } from "./generated/operations.js";
export { isPreconditionFailed, patchCustomer, responseMetaOf, type ResponseMeta } from "./concurrency.js";
export {
  httpSignatureAuth,
  signRequest,
  type SignatureCredentials,
  type SignatureHeaders,
  type SignatureInput,
} from "./http-signature.js";
export * from "@org/client-runtime/public-api";
