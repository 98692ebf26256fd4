import {
  checkBaseUrl,
  clientCredentialsAuth,
  createApiClient,
  environmentVariable,
  headerAuth,
  type ApiClient,
  type AuthStrategy,
  type ClientConfig,
} from "@org/client-runtime";
import type { components, operations, paths, Readable, Writable } from "./generated/customers.js";
import {
  defaultBaseUrl,
  operations as operationList,
  packageId,
  type OperationMethods,
} from "./generated/operations.js";

/** CloudLX versions its API through this media type: sent as `Accept`, answered in it. */
export const CLOUDLX_MEDIA_TYPE = "application/vnd.cloudlx.v1+json";
const TOKEN_PATH = "/api/oauth2/access-token";

/**
 * A token you already have (it is not renewed), or the API application's client credentials;
 * without either, the CLOUDLX_CLIENT_ID and CLOUDLX_CLIENT_SECRET variables.
 */
export type CloudLxCredentials =
  | { accessToken: string; clientId?: never; clientSecret?: never }
  | {
      clientId?: string;
      clientSecret?: string;
      accessToken?: never;
      /** Renew the token this long before it expires (3600 s after issue), in ms. Default 60 000. */
      renewBeforeExpiry?: number;
    };

export type CloudLxClientOptions = CloudLxCredentials & ClientConfig;

/** A client for the CloudLX customers API, typed by its spec. */
export type CloudLxClient = ApiClient<paths> & OperationMethods;

/**
 * Creates a CloudLX customers client. With `clientId` and `clientSecret` it gets its access
 * token from `/api/oauth2/access-token`, keeps it until shortly before it expires, shares one
 * token request among concurrent calls, and retries a call once with a fresh token after a 401.
 */
export function createCloudLxClient(options: CloudLxClientOptions = {}): CloudLxClient {
  const {
    accessToken,
    clientId: givenId,
    clientSecret: givenSecret,
    renewBeforeExpiry,
    ...config
  } = (options ?? {}) as CloudLxCredentials & ClientConfig & { renewBeforeExpiry?: number };
  const clientId = givenId || environmentVariable("CLOUDLX_CLIENT_ID");
  const clientSecret = givenSecret || environmentVariable("CLOUDLX_CLIENT_SECRET");
  let auth: AuthStrategy;
  if (accessToken) {
    auth = headerAuth({ Authorization: `Bearer ${accessToken}` }, [accessToken]);
  } else if (clientId && clientSecret) {
    const baseUrl = checkBaseUrl(config.baseUrl ?? defaultBaseUrl, config);
    auth = clientCredentialsAuth({
      tokenUrl: `${baseUrl}${TOKEN_PATH}`,
      clientId,
      clientSecret,
      headers: { Accept: CLOUDLX_MEDIA_TYPE },
      ...(renewBeforeExpiry === undefined ? {} : { renewBeforeExpiry }),
    });
  } else {
    const missing = clientId
      ? "clientSecret (or set CLOUDLX_CLIENT_SECRET)"
      : "an accessToken, or the clientId and clientSecret options (or set CLOUDLX_CLIENT_ID and CLOUDLX_CLIENT_SECRET)";
    throw new TypeError(
      `createCloudLxClient needs ${missing}: the client credentials of an API application (portal: API Applications & Webhooks).`,
    );
  }
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl,
    headers: { Accept: CLOUDLX_MEDIA_TYPE, ...config.headers },
    operations: operationList,
    packageId,
    auth,
  });
}

type Schemas = components["schemas"];
export type Customer = Readable<Schemas["Customer"]>;
export type CustomerList = Readable<Schemas["CustomerList"]>;
export type CustomerCreate = Writable<Schemas["CustomerCreate"]>;
export type CustomerUpdate = Writable<Schemas["CustomerUpdate"]>;
export type Currency = Readable<Schemas["Currency"]>;
export type Country = Readable<Schemas["Country"]>;
export type Realm = Readable<Schemas["Realm"]>;
export type SubRealm = Readable<Schemas["SubRealm"]>;
export type AccessToken = Readable<Schemas["AccessToken"]>;
/** The token endpoint's OAuth 2 error body (RFC 6749 §5.2). */
export type OAuthError = Readable<Schemas["OAuthError"]>;

export type { components, OperationMethods, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export * from "@org/client-runtime/public-api";
