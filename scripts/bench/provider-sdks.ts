/**
 * The providers' own generated SDKs, `fastly` and `cybersource-rest-client` (bench-only root
 * devDependencies), set up to make the same call as our clients against the same loopback
 * server, plus the cold-start scripts and install specs that compare them with our packages.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { repoRoot } from "../repo-root.js";
import { CUSTOMER_ID } from "./loopback-server.js";

const requireFromRoot = createRequire(join(repoRoot, "package.json"));
const devDependencies = (requireFromRoot("./package.json") as { devDependencies: Record<string, string> })
  .devDependencies;

export const SHARED_SECRET = "c2VjcmV0"; // base64 of "secret": both CyberSource clients sign with it

export interface ProviderSdk {
  /** The npm package, at the version the root package.json pins. */
  name: string;
  version: string;
  /** Our package that makes the same calls. */
  ours: string;
  /** A script for a fresh Node that imports the SDK and creates its client, as a user would. */
  coldStartScript: string;
  /** Makes a client for `baseUrl`, then returns one call of the compared operation. */
  connect: (baseUrl: string) => () => Promise<unknown>;
}

const importOf = (name: string) => JSON.stringify(pathToFileURL(requireFromRoot.resolve(name)).href);

/** The parts of the SDKs used here: neither package ships type declarations. */
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
  ) => {
    getCustomer(id: string, options: object, callback: (error: unknown, data: unknown) => void): void;
  };
}

export const providerSdks: ProviderSdk[] = [
  {
    name: "fastly",
    version: devDependencies.fastly!,
    ours: "fastly-customers",
    coldStartScript: `const { default: Fastly } = await import(${importOf("fastly")}); const api = new Fastly.ApiClient(); api.authenticate("t"); new Fastly.CustomerApi(api);`,
    connect(baseUrl) {
      const Fastly = requireFromRoot("fastly") as FastlySdk;
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
    name: "cybersource-rest-client",
    version: devDependencies["cybersource-rest-client"]!,
    ours: "cybersource-customers",
    coldStartScript: `const { default: cs } = await import(${importOf("cybersource-rest-client")}); new cs.CustomerApi(${JSON.stringify(cyberSourceConfig("https://apitest.cybersource.com"))}, new cs.ApiClient());`,
    connect(baseUrl) {
      const cs = requireFromRoot("cybersource-rest-client") as CyberSourceSdk;
      const customers = new cs.CustomerApi(cyberSourceConfig(baseUrl), new cs.ApiClient());
      return () =>
        new Promise((resolve, reject) =>
          customers.getCustomer(CUSTOMER_ID, {}, (error: unknown, data: unknown) =>
            error ? reject(error) : resolve(data),
          ),
        );
    },
  },
];

/** The SDK's HTTP Signature configuration; `intermediateHost` sends its calls to `baseUrl`. */
function cyberSourceConfig(baseUrl: string) {
  return {
    authenticationType: "http_signature",
    runEnvironment: "apitest.cybersource.com",
    intermediateHost: baseUrl,
    merchantID: "m",
    merchantKeyId: "k",
    merchantsecretKey: SHARED_SECRET,
    logConfiguration: { enableLog: false },
  };
}
