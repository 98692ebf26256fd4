import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { lintRepo } from "../../lint-repo.js";
import { repoRoot } from "../../repo-root.js";
import { writeSampleProvider } from "../sample-provider.js";

/**
 * A copy of what the lint reads (manifests, package docs, specs) with one provider, the
 * scaffolder's sample in place of the repo's own: the shared packages are copied as they are.
 */
async function scratchRepo(): Promise<string> {
  const root = await testTempDir("lint-repo-");
  const filter = (source: string) =>
    !/node_modules|dist|\.turbo|src|test|-customers/.test(source.slice(repoRoot.length));
  await cp(join(repoRoot, "package.json"), join(root, "package.json"));
  await cp(join(repoRoot, "pnpm-lock.yaml"), join(root, "pnpm-lock.yaml"));
  await cp(join(repoRoot, "README.md"), join(root, "README.md"));
  await cp(join(repoRoot, "packages"), join(root, "packages"), { recursive: true, filter });
  await writeSampleProvider(root);
  return root;
}

async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  edit(json);
  await writeFile(file, JSON.stringify(json));
}

describe("pnpm lint's repo conventions", () => {
  it("passes on the repository as it is", async () => {
    expect(lintRepo(repoRoot)).toEqual([]);
  });

  it("takes the npm scope from one place and flags a package outside it", async () => {
    const root = await scratchRepo();
    await editJson(join(root, "package.json"), (json) => ((json.config as Record<string, string>).scope = "@acme"));
    const problems = lintRepo(root);
    expect(problems).toContain(
      'packages/sample-customers/package.json: name must be "@acme/sample-customers" (scope from package.json config.scope, then the folder name); found "@org/sample-customers"',
    );
  });

  it("flags a provider package without a spec, and a published package missing what users need", async () => {
    const root = await scratchRepo();
    await rm(join(root, "specs/sample"), { recursive: true });
    await rm(join(root, "packages/sample-customers/LICENSE"));
    await editJson(join(root, "packages/sample-customers/package.json"), (json) => delete json.sideEffects);
    expect(lintRepo(root)).toEqual([
      'packages/sample-customers/package.json: needs "sideEffects": false',
      "packages/sample-customers: needs a LICENSE",
      "packages/sample-customers: no spec at specs/sample/customers.yaml",
    ]);
  });

  it("flags a lockfile that would break a frozen install on macOS or Windows", async () => {
    const root = await scratchRepo();
    const lockfile = join(root, "pnpm-lock.yaml");
    await writeFile(lockfile, (await readFile(lockfile, "utf8")).replace(/^ {6}'@turbo\/(darwin|windows)-.*\n/gm, ""));
    await editJson(
      join(root, "package.json"),
      (json) => delete (json.pnpm as Record<string, unknown>).supportedArchitectures,
    );
    const turbo = (
      JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }
    ).devDependencies.turbo;
    expect(lintRepo(root)).toEqual([
      "package.json: pnpm.supportedArchitectures.os must list linux, darwin, win32, so the lockfile serves every maintainer's machine",
      "package.json: pnpm.supportedArchitectures.cpu must list x64, arm64, so the lockfile serves every maintainer's machine",
      ...["darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64"].map(
        (platform) =>
          `pnpm-lock.yaml: turbo@${turbo} has no binary for ${platform}; run \`npx pnpm install --fix-lockfile\` (pnpm.supportedArchitectures set)`,
      ),
    ]);
  });

  it("flags README commands that fail as written right after the Quick start", async () => {
    const root = await scratchRepo();
    await writeFile(
      join(root, "README.md"),
      "# x\n\nRun `pnpm generate && npm test`, then `npm run no-such-script`.\n\n```sh\nnpm run mock fastly   # one mock\nnpm run mock -- fastly\n```\n",
    );
    expect(lintRepo(root)).toEqual([
      "README.md:3: `pnpm generate` fails right after the Quick start (pnpm is not on PATH); write `npm run generate`",
      "README.md:3: `npm run no-such-script` names no script of package.json",
      "README.md:6: `npm run mock fastly`: npm takes the script's arguments after `--`",
    ]);
  });

  it("passes on the scratch copy with the scaffolded provider", async () => {
    expect(lintRepo(await scratchRepo())).toEqual([]);
  });

  it("flags a spec folder that is not its workspace package, and a client that does not depend on its spec", async () => {
    const root = await scratchRepo();
    await editJson(join(root, "specs/sample/package.json"), (json) => (json.name = "sample-spec"));
    await editJson(
      join(root, "packages/sample-customers/package.json"),
      (json) => delete (json.devDependencies as Record<string, string>)["@org/sample-spec"],
    );
    expect(lintRepo(root)).toEqual([
      'packages/sample-customers/package.json: needs "@org/sample-spec": "workspace:*" in devDependencies, or its generate task does not follow the spec',
      'specs/sample/package.json: name must be "@org/sample-spec"; found "sample-spec"',
    ]);
  });
});
