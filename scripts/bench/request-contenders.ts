/**
 * The contenders of the request benchmark, each made where it runs: in a process of its own
 * (see contender-process.ts), so that each pays for its own garbage collection and no other's.
 * `connect` makes the client for the loopback server and returns one call of the same operation.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import createOpenApiFetchClient from "openapi-fetch";
import type { paths as FastlyPaths } from "../../packages/fastly-customers/src/generated/customers.js";
import { repoRoot } from "../repo-root.js";
import { providerSdks, SHARED_SECRET, type ProviderSdk } from "./provider-sdks.js";
import { CUSTOMER_ID } from "./loopback-server.js";

export interface RequestContender {
  name: string;
  connect: (baseUrl: string) => Promise<() => Promise<unknown>>;
}

/** A built package's entry point (`npm run build` first). */
const importClient = async <Module>(name: string) =>
  (await import(pathToFileURL(join(repoRoot, "packages", name, "dist/index.js")).href)) as Module;
type FastlyModule = typeof import("../../packages/fastly-customers/src/index.js");
type CyberSourceModule = typeof import("../../packages/cybersource-customers/src/index.js");

const path = { params: { path: { customer_id: CUSTOMER_ID } } };
const sdkName = (provider: ProviderSdk) => `${provider.name} ${provider.version} (the provider's SDK)`;
const sdk = (provider: ProviderSdk): RequestContender => ({
  name: sdkName(provider),
  connect: async (baseUrl) => provider.connect(baseUrl),
});
const OPENAPI_FETCH_ALONE = "openapi-fetch alone (no auth, retries, timeouts)";
const FASTLY_CLIENT = "@org/fastly-customers";
const CYBERSOURCE_CLIENT = "@org/cybersource-customers";

/** Which contenders the goals compare, by name: our layer over its base, and ours against each SDK. */
export const comparisons = {
  // On the same fetch, so that the ratio is what the layer costs.
  layer: { ours: FASTLY_CLIENT, base: OPENAPI_FETCH_ALONE },
  sdks: [
    { ours: FASTLY_CLIENT, theirs: sdkName(providerSdks[0]!) },
    { ours: CYBERSOURCE_CLIENT, theirs: sdkName(providerSdks[1]!) },
  ],
};

/** In table order; the first, plain `fetch`, is the floor the others are compared with. */
export const requestContenders: RequestContender[] = [
  {
    name: "plain fetch",
    connect: async (baseUrl) => async () =>
      (await fetch(`${baseUrl}/customer/${CUSTOMER_ID}`, { headers: { "Fastly-Key": "k" } })).json(),
  },
  {
    name: OPENAPI_FETCH_ALONE,
    connect: async (baseUrl) => {
      const client = createOpenApiFetchClient<FastlyPaths>({ baseUrl, headers: { "Fastly-Key": "k" } });
      return async () => (await client.GET("/customer/{customer_id}", path)).data;
    },
  },
  {
    name: FASTLY_CLIENT,
    connect: async (baseUrl) => {
      const client = (await importClient<FastlyModule>("fastly-customers")).createFastlyClient({
        apiToken: "k",
        baseUrl,
      });
      return async () => (await client.GET("/customer/{customer_id}", path)).data;
    },
  },
  {
    name: `${FASTLY_CLIENT}, operation method`,
    connect: async (baseUrl) => {
      const client = (await importClient<FastlyModule>("fastly-customers")).createFastlyClient({
        apiToken: "k",
        baseUrl,
      });
      return async () => (await client.getCustomer({ customer_id: CUSTOMER_ID })).data;
    },
  },
  sdk(providerSdks[0]!),
  {
    name: CYBERSOURCE_CLIENT,
    connect: async (baseUrl) => {
      const { createCyberSourceClient } = await importClient<CyberSourceModule>("cybersource-customers");
      const client = createCyberSourceClient({ merchantId: "m", keyId: "k", sharedSecret: SHARED_SECRET, baseUrl });
      return async () =>
        (await client.GET("/tms/v2/customers/{customerId}", { params: { path: { customerId: CUSTOMER_ID } } })).data;
    },
  },
  sdk(providerSdks[1]!),
];
