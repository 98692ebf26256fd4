import { resolve } from "node:path";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

export interface PrismOptions {
  /** Path of the OpenAPI spec to serve. */
  spec: string;
  /** Answer with schema-generated data instead of the spec's examples. */
  dynamic?: boolean;
}

export interface PrismServer {
  url: string;
  /** Stops the server and closes its connections; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts Prism in this process on a spec, on a free loopback port: it validates requests (auth,
 * params, bodies) and answers with the spec's examples. Resolves when it has answered a first
 * request. The mock's own server (start-mock.ts) stands in front of it.
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const spec = resolve(options.spec);
  const host = "127.0.0.1";
  let operations: Awaited<ReturnType<typeof getHttpOperationsFromSpec>>;
  try {
    operations = await getHttpOperationsFromSpec(spec);
  } catch (error) {
    throw new Error(`Prism cannot load ${spec}: ${(error as Error).message}`, { cause: error });
  }
  if (operations.length === 0) throw new Error(`Prism found no operations in ${spec}.`);

  const server = createServer(operations, {
    cors: false,
    config: {
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: options.dynamic ?? false },
    },
    components: { logger: createLogger("MOCK", { level: process.env.PRISM_LOG_LEVEL ?? "silent" }) },
  });
  const address = await server.listen(0, host).catch((message: unknown) => {
    throw new Error(`Prism could not listen on ${host} for ${spec}: ${String(message)}`);
  });
  const url = address.replace("0.0.0.0", host);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= server.close());
  try {
    await waitUntilAnswering(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitUntilAnswering(url: string, attempts = 50): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${url}/__prism_ready`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return;
    } catch (error) {
      if (attempt >= attempts)
        throw new Error(`The Prism mock at ${url} did not answer after ${attempts} tries.`, { cause: error });
      await new Promise((done) => setTimeout(done, 20));
    }
  }
}
