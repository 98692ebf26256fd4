import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { mockPortOf } from "@org/customers-mock";

export interface ProviderSpec {
  provider: string;
  spec: string;
  /** The fixed port of `pnpm mock`, from the spec's `x-mock-port`. */
  port: number;
}

/** The spec of every provider under `specsDir` (`<provider>/customers.yaml`), by provider name. */
export async function providerSpecs(specsDir: string): Promise<ProviderSpec[]> {
  const entries = await readdir(specsDir, { withFileTypes: true });
  const providers = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    providers.map(async (provider) => {
      const spec = join(specsDir, provider, "customers.yaml");
      return { provider, spec, port: fixedPortOf(spec, await readFile(spec, "utf8")) };
    }),
  );
}

/** The spec's `x-mock-port`; a spec without one is refused, since `pnpm mock` needs a fixed port. */
function fixedPortOf(spec: string, text: string): number {
  const port = mockPortOf(text);
  if (port === undefined)
    throw new Error(
      `${spec} has no top-level "x-mock-port: <port>"; add one so \`pnpm mock\` has a fixed port for it.`,
    );
  return port;
}
