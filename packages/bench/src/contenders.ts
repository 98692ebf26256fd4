/**
 * What the request rows compare, each making the same call (GET one Fastly customer, or one
 * CyberSource customer, signed alike) against the same loopback server: plain `fetch` (the floor),
 * openapi-fetch alone, and with a timeout's signal (what every call of ours carries), our clients,
 * and the providers' own SDKs, `fastly` (on `http.request`) and `cybersource-rest-client`.
 * Neither SDK ships type declarations; the parts used are typed here.
 */
import { createRequire } from "node:module";
import { createCyberSourceClient } from "@org/cybersource-customers";
import { createFastlyClient } from "@org/fastly-customers";
import createOpenApiFetchClient from "openapi-fetch";
import { CUSTOMER_ID } from "./loopback-server.js";

export interface Contender {
  name: string;
  /** Makes the client for the loopback server; returns one call. */
  connect: (baseUrl: string) => () => Promise<unknown>;
}

const require = createRequire(import.meta.url);
/** The versions of the SDKs the bench pins (its package.json). */
export const { devDependencies: pinned } = require("../package.json") as { devDependencies: Record<string, string> };
const SHARED_SECRET = "c2VjcmV0"; // base64 of "secret": both CyberSource clients sign with it
const path = { params: { path: { customer_id: CUSTOMER_ID } } };
/** The one operation openapi-fetch alone is typed with, as openapi-typescript renders it. */
interface CustomerPath {
  "/customer/{customer_id}": {
    parameters: { query?: never; header?: never; path: { customer_id: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { customer_id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": unknown } } };
    };
  };
}

export const OPENAPI_FETCH = "openapi-fetch alone";
export const OPENAPI_FETCH_TIMEOUT = "openapi-fetch with a timeout";
export const FASTLY = "@org/fastly-customers";
export const FASTLY_SDK = `fastly ${pinned.fastly}`;
export const CYBERSOURCE = "@org/cybersource-customers";
export const CYBERSOURCE_SDK = `cybersource-rest-client ${pinned["cybersource-rest-client"]}`;

interface FastlySdk {
  ApiClient: new () => {
    basePath: string;
    buildUrl(this: unknown, path: string, pathParams: unknown, allowReserved: unknown, basePath?: string): string;
    authenticate(token: string): void;
  };
  CustomerApi: new (api: unknown) => { getCustomer(options: { customer_id: string }): Promise<unknown> };
}
interface CyberSourceSdk {
  ApiClient: new () => unknown;
  CustomerApi: new (
    config: object,
    api: unknown,
  ) => { getCustomer(id: string, options: object, callback: (error: unknown, data: unknown) => void): void };
}

export const contenders: Contender[] = [
  {
    name: "plain fetch",
    connect: (baseUrl) => async () =>
      (await fetch(`${baseUrl}/customer/${CUSTOMER_ID}`, { headers: { "Fastly-Key": "k" } })).json(),
  },
  {
    name: OPENAPI_FETCH,
    connect: (baseUrl) => {
      const client = createOpenApiFetchClient<CustomerPath>({ baseUrl, headers: { "Fastly-Key": "k" } });
      return async () => (await client.GET("/customer/{customer_id}", path)).data;
    },
  },
  {
    // What a user of openapi-fetch alone writes for a timeout: 60 s, our clients' default.
    name: OPENAPI_FETCH_TIMEOUT,
    connect: (baseUrl) => {
      const client = createOpenApiFetchClient<CustomerPath>({ baseUrl, headers: { "Fastly-Key": "k" } });
      return async () =>
        (await client.GET("/customer/{customer_id}", { ...path, signal: AbortSignal.timeout(60_000) })).data;
    },
  },
  {
    name: FASTLY,
    connect: (baseUrl) => {
      const client = createFastlyClient({ apiToken: "k", baseUrl });
      return async () => (await client.GET("/customer/{customer_id}", path)).data;
    },
  },
  {
    name: FASTLY_SDK,
    connect: (baseUrl) => {
      const Fastly = require("fastly") as FastlySdk;
      const api = new Fastly.ApiClient();
      api.basePath = baseUrl;
      // Each operation passes its spec's server to buildUrl, which wins over basePath; drop it.
      const buildUrl = api.buildUrl;
      api.buildUrl = function (path: string, pathParams: unknown, allowReserved: unknown) {
        return buildUrl.call(this, path, pathParams, allowReserved);
      };
      api.authenticate("k");
      const customers = new Fastly.CustomerApi(api);
      return () => customers.getCustomer({ customer_id: CUSTOMER_ID });
    },
  },
  {
    name: CYBERSOURCE,
    connect: (baseUrl) => {
      const client = createCyberSourceClient({ merchantId: "m", keyId: "k", sharedSecret: SHARED_SECRET, baseUrl });
      return async () =>
        (await client.GET("/tms/v2/customers/{customerId}", { params: { path: { customerId: CUSTOMER_ID } } })).data;
    },
  },
  {
    name: CYBERSOURCE_SDK,
    connect: (baseUrl) => {
      const cs = require("cybersource-rest-client") as CyberSourceSdk;
      const config = {
        authenticationType: "http_signature",
        runEnvironment: "apitest.cybersource.com",
        intermediateHost: baseUrl, // sends its calls to the loopback server
        merchantID: "m",
        merchantKeyId: "k",
        merchantsecretKey: SHARED_SECRET,
        logConfiguration: { enableLog: false },
      };
      const customers = new cs.CustomerApi(config, new cs.ApiClient());
      return () =>
        new Promise((resolve, reject) =>
          customers.getCustomer(CUSTOMER_ID, {}, (error, data) => (error ? reject(error) : resolve(data))),
        );
    },
  },
];
