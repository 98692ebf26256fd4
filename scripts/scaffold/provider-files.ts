import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ProviderNames } from "./provider-names.js";

/** Pinned versions a new package shares with the others, read from an existing package. */
export interface SharedVersions {
  openapiFetch: string;
  typesNode: string;
  typescript: string;
  vitest: string;
}

/**
 * The template: a provider named Acme (`acme`, `createAcmeClient`, `ACME_ACCESS_TOKEN`) in the
 * scope `@org`, written as the real files a provider has, so that an editor and Biome check them.
 */
export const TEMPLATE_DIR = join(import.meta.dirname, "template");

/**
 * Every file of a new provider, by path from the repo root: the template with Acme's names,
 * scope, mock port and pinned versions replaced by the new provider's, and the repo's LICENSE.
 */
export function providerFiles(
  names: ProviderNames,
  versions: SharedVersions,
  mockPort: number,
  scope: string,
  license: string,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of filesUnder(TEMPLATE_DIR)) {
    const path = rename(relative(TEMPLATE_DIR, file).split("\\").join("/"), names);
    files[path] = rename(readFileSync(file, "utf8"), names).replaceAll("@org/", `${scope}/`);
  }
  const spec = `specs/${names.slug}/customers.yaml`;
  files[spec] = files[spec]!.replace(/^x-mock-port: \d+$/m, `x-mock-port: ${mockPort}`);
  const manifest = `packages/${names.slug}-customers/package.json`;
  files[manifest] = withVersions(files[manifest]!, versions);
  files[`packages/${names.slug}-customers/LICENSE`] = license;
  return files;
}

/** `ACME_ACCESS_TOKEN`, `createAcmeClient`, `acme-customers` → the new provider's names. */
function rename(text: string, names: ProviderNames): string {
  return text
    .replaceAll("ACME", names.slug.toUpperCase().replaceAll("-", "_"))
    .replaceAll("Acme", names.pascal)
    .replaceAll("acme", names.slug);
}

function withVersions(manifestText: string, versions: SharedVersions): string {
  const manifest = JSON.parse(manifestText) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  manifest.dependencies["openapi-fetch"] = versions.openapiFetch;
  manifest.devDependencies["@types/node"] = versions.typesNode;
  manifest.devDependencies.typescript = versions.typescript;
  manifest.devDependencies.vitest = versions.vitest;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
