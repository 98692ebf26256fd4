import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's npm scope (`@org`), from its manifest (the nearest one above this module): the clients share it. */
function ownScope(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name.split("/")[0]!;
  }
  throw new Error("customers-mock: its own package.json is missing");
}
const scope = ownScope();

/** `fastly`, `fastly-customers` or `@org/fastly-customers` → `@org/fastly-customers`. */
export function clientPackageName(client: string): string {
  if (client.startsWith("@")) return client;
  return `${scope}/${client.endsWith("-customers") ? client : `${client}-customers`}`;
}

/**
 * The `openapi.yaml` an installed client ships, found from `from` (default: the working
 * directory) as Node finds the package: the spec the client was generated from.
 */
export function clientSpec(client: string, from = process.cwd()): string {
  const name = clientPackageName(client);
  let manifest: string;
  try {
    manifest = createRequire(join(from, "noop.js")).resolve(`${name}/package.json`);
  } catch {
    throw new Error(`${name} is not installed here (${from}); install it first: npm install ${name}`);
  }
  return join(dirname(manifest), "openapi.yaml");
}

/** The `x-mock-port` a spec names: the port its mock uses unless told otherwise. */
export function mockPortOf(text: string): number | undefined {
  const match = /^x-mock-port:\s*(\d+)\s*$/m.exec(text);
  return match ? Number(match[1]) : undefined;
}
