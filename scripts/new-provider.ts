/**
 * `pnpm new-provider <slug> [--name PascalName] [--no-install]`: scaffolds a provider from the
 * template in scripts/scaffold/template (real files, for a provider named Acme): the spec package
 * `specs/<slug>` (a valid skeleton of `customers.yaml`) and the client package
 * `packages/<slug>-customers` (manifest, tsconfigs, factory, README, a contract test on the shared
 * Prism launcher, the consumer example the release test runs) plus its changeset, then runs
 * `pnpm install` to link them.
 * A bad or taken slug is refused before anything is written.
 * Uses only Node's own modules, so it runs in a fresh copy of the repo.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { problemWithNames, providerNames } from "./scaffold/provider-names.js";
import { providerFiles } from "./scaffold/provider-files.js";
import { sharedVersions } from "./scaffold/shared-versions.js";
import { repoRoot } from "./repo-root.js";

const FIRST_MOCK_PORT = 4010;

function fail(message: string): never {
  console.error(`new-provider: ${message}; nothing was written.`);
  process.exit(1);
}

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const nameFlag = args.indexOf("--name");
const pascal = nameFlag === -1 ? undefined : args[nameFlag + 1];
const install = !args.includes("--no-install");
const [slug, ...extra] = args.filter(
  (arg, index) => !arg.startsWith("--") && (nameFlag === -1 || index !== nameFlag + 1),
);
if (extra.length > 0)
  fail(`unexpected arguments: ${extra.join(" ")} (usage: pnpm new-provider <slug> [--name PascalName])`);
const problem = problemWithNames(slug, pascal);
if (problem) fail(problem);

const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  config?: { scope?: string };
};
const scope = rootManifest.config?.scope;
if (!scope) fail("the root package.json has no config.scope");
const names = providerNames(slug!, scope, pascal);
for (const taken of [`specs/${names.slug}`, `packages/${names.slug}-customers`]) {
  if (existsSync(join(repoRoot, taken))) fail(`${taken} already exists; choose another slug or edit that provider`);
}

const files = providerFiles(
  names,
  sharedVersions(repoRoot),
  nextMockPort(),
  scope,
  readFileSync(join(repoRoot, "LICENSE"), "utf8"),
);
for (const [path, content] of Object.entries(files)) {
  await mkdir(dirname(join(repoRoot, path)), { recursive: true });
  await writeFile(join(repoRoot, path), content);
}
console.log(
  `new-provider: created ${names.packageName} with ${names.factory}():\n${Object.keys(files)
    .map((path) => `  ${path}`)
    .join("\n")}`,
);

if (install) {
  // The new package changes the lockfile, which pnpm refuses by default when CI is set.
  const linked = spawnSync("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (linked.status !== 0) {
    if (linked.error) console.error(`new-provider: could not run pnpm: ${linked.error.message}`);
    console.error(
      "new-provider: the files are written, but `pnpm install` failed; run `npx pnpm install` again once the problem above is fixed.",
    );
    process.exit(1);
  }
}
// In the repository's format, so that `npm run lint` passes on them as on the rest (Biome is
// there once the workspace is installed).
const biome = join(repoRoot, "node_modules/.bin/biome");
const formatted = existsSync(biome)
  ? spawnSync(biome, ["format", "--write", ...Object.keys(files).filter((path) => /\.(ts|json)$/.test(path))], {
      cwd: repoRoot,
      encoding: "utf8",
    })
  : undefined;
if (formatted?.status !== 0)
  console.error("new-provider: run `npm run format` once the workspace is installed, to format the new files.");
console.log(
  `Next: write specs/${names.slug}/customers.yaml from the provider's docs, then \`npm run generate && npm test\`.`,
);

/** One past the highest `x-mock-port` of the existing specs. */
function nextMockPort(): number {
  const ports = readdirSync(join(repoRoot, "specs"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(
      (entry) =>
        /^x-mock-port:\s*(\d+)/m.exec(readFileSync(join(repoRoot, "specs", entry.name, "customers.yaml"), "utf8"))?.[1],
    )
    .map(Number)
    .filter(Number.isFinite);
  return ports.length > 0 ? Math.max(...ports) + 1 : FIRST_MOCK_PORT;
}
