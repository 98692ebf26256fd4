import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintRepo } from "../lint-repo.js";
import { repoRoot } from "../repo-root.js";

/** A copy of what the lint reads: manifests, package docs and specs. */
async function scratchRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "lint-repo-"));
  const filter = (source: string) => !/node_modules|dist|\.turbo|src|test/.test(source.slice(repoRoot.length));
  await cp(join(repoRoot, "package.json"), join(root, "package.json"));
  await cp(join(repoRoot, "packages"), join(root, "packages"), { recursive: true, filter });
  await cp(join(repoRoot, "specs"), join(root, "specs"), { recursive: true });
  return root;
}

async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  edit(json);
  await writeFile(file, JSON.stringify(json));
}

describe("pnpm lint's repo conventions", () => {
  it("passes on the repository as it is", async () => {
    expect(await lintRepo(repoRoot)).toEqual([]);
  });

  it("takes the npm scope from one place and flags a package outside it", async () => {
    const root = await scratchRepo();
    await editJson(join(root, "package.json"), (json) => ((json.config as Record<string, string>).scope = "@acme"));
    const problems = await lintRepo(root);
    expect(problems).toContain('packages/fastly-customers/package.json: name must be "@acme/fastly-customers" (scope from package.json config.scope, then the folder name); found "@org/fastly-customers"');
  });

  it("flags a provider package without a spec, and a published package missing what users need", async () => {
    const root = await scratchRepo();
    await rm(join(root, "specs/fastly"), { recursive: true });
    await rm(join(root, "packages/fastly-customers/LICENSE"));
    await editJson(join(root, "packages/fastly-customers/package.json"), (json) => delete json.sideEffects);
    expect(await lintRepo(root)).toEqual([
      'packages/fastly-customers/package.json: needs "sideEffects": false',
      "packages/fastly-customers: needs a LICENSE",
      "packages/fastly-customers: no spec at specs/fastly/customers.yaml",
    ]);
  });

  it("holds specs to the house rules: a summary on every operation", async () => {
    const root = await scratchRepo();
    const spec = join(root, "specs/fastly/customers.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("      summary: List users\n", ""));
    const problems = await lintRepo(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^.*specs\/fastly\/customers\.yaml:\d+:\d+: Operation object should contain `summary` field\..*\[operation-summary\]$/);
  });
});
