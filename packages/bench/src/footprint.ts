/**
 * What a user pays before the first call: a fresh `npm install` of one client (packed as it would
 * be published) against the provider's SDK, the time a fresh `node` takes to import a client and
 * create it, and the bundle each factory adds to an app (size-limit: the budget `npm run lint`
 * holds the clients to).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pinned } from "./contenders.js";
import { median, type Row } from "./rows.js";

const packagesDir = join(import.meta.dirname, "../..");
const pnpm = join(packagesDir, "../node_modules/.bin/pnpm");
const SDKS = [
  {
    ours: "fastly-customers",
    sdk: "fastly",
    coldStart: `const { default: F } = await import("fastly"); const api = new F.ApiClient(); api.authenticate("t"); new F.CustomerApi(api);`,
  },
  {
    ours: "cybersource-customers",
    sdk: "cybersource-rest-client",
    coldStart: `const { default: cs } = await import("cybersource-rest-client"); new cs.CustomerApi({ authenticationType: "http_signature", runEnvironment: "apitest.cybersource.com", merchantID: "m", merchantKeyId: "k", merchantsecretKey: "c2VjcmV0", logConfiguration: { enableLog: false } }, new cs.ApiClient());`,
  },
];
const CLIENTS = [
  ["fastly-customers", "createFastlyClient", "{ apiToken: 't' }"],
  ["koronacloud-customers", "createKoronaCloudClient", "{ username: 'u', password: 'p' }"],
  ["cybersource-customers", "createCyberSourceClient", "{ merchantId: 'm', keyId: 'k', sharedSecret: 'c2VjcmV0' }"],
  ["cloudlx-customers", "createCloudLxClient", "{ accessToken: 't' }"],
] as const;

export function installRows(): Row[] {
  const packs = mkdtempSync(join(tmpdir(), "bench-packs-"));
  try {
    return SDKS.flatMap(({ ours, sdk }) => {
      const tarballs = ["client-runtime", ours].map(
        (name) =>
          execFileSync(pnpm, ["pack", "--pack-destination", packs], { cwd: join(packagesDir, name), encoding: "utf8" })
            .trim()
            .split("\n")
            .at(-1)!,
      );
      return [
        [
          `install, @org/${ours}`,
          install(tarballs),
          "a fresh npm install of the client, packed as it would be published",
        ],
        [`install, ${sdk} ${pinned[sdk]}`, install([`${sdk}@${pinned[sdk]}`]), "a fresh npm install"],
      ] satisfies Row[];
    });
  } finally {
    rmSync(packs, { recursive: true, force: true });
  }
}

function install(specs: string[]): string {
  const project = mkdtempSync(join(tmpdir(), "bench-install-"));
  try {
    writeFileSync(join(project, "package.json"), "{}");
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs], { cwd: project });
    const modules = join(project, "node_modules");
    const packages = Object.keys(
      (JSON.parse(readFileSync(join(modules, ".package-lock.json"), "utf8")) as { packages: object }).packages,
    ).length;
    return `${packages} packages, ${(bytesUnder(modules) / 2 ** 20).toFixed(2)} MiB`;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

function bytesUnder(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(folder, entry.name);
    return total + (entry.isDirectory() ? bytesUnder(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

/** Fresh processes taking turns (so a slow moment hits all alike); the median of each. */
export function coldStartRows(runs = 11): Row[] {
  const scripts: Record<string, string> = { "bare node": "" };
  for (const [name, factory, options] of CLIENTS)
    scripts[`@org/${name}`] = `const m = await import("@org/${name}"); m.${factory}(${options});`;
  for (const { sdk, coldStart } of SDKS) scripts[`${sdk} ${pinned[sdk]}`] = coldStart;
  const samples = new Map(Object.keys(scripts).map((name) => [name, [] as number[]]));
  for (let run = 0; run < runs; run++) {
    for (const [name, script] of Object.entries(scripts)) {
      const started = performance.now();
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: join(import.meta.dirname, ".."),
        stdio: "ignore",
      });
      if (child.status !== 0) throw new Error(`cold start of ${name} failed: ${script}`);
      samples.get(name)!.push(performance.now() - started);
    }
  }
  const bare = median(samples.get("bare node")!);
  return [...samples].map(([name, times]) => [
    `cold start, ${name}`,
    name === "bare node" ? `${bare.toFixed(0)} ms` : `+${(median(times) - bare).toFixed(0)} ms over a bare node`,
    name === "bare node"
      ? `median of ${runs} fresh processes, taking turns with the others`
      : `import and create the client, in a fresh process (median of ${runs})`,
  ]);
}

/** size-limit's figures for each factory (its config, the budget, is this package's `size-limit`). */
export function bundleRows(): Row[] {
  const sizeLimit = join(import.meta.dirname, "../node_modules/.bin/size-limit");
  const run = spawnSync(sizeLimit, ["--json"], { cwd: join(import.meta.dirname, ".."), encoding: "utf8" });
  const results = JSON.parse(run.stdout) as { name: string; size: number; passed: boolean }[];
  return results.map(({ name, size, passed }) => [
    `bundle, ${name}`,
    `${(size / 1000).toFixed(1)} kB min+gzip${passed ? "" : " (over its budget)"}`,
    "esbuild bundle of the factory, runtime and openapi-fetch included",
  ]);
}
