import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../repo-root.js";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { commitAll, repoBin, run } from "./repo-copy.js";
import { writeSampleProvider } from "./sample-provider.js";

const script = join(repoRoot, "scripts/spec-changeset.ts");

const FIELD_ADDED = [
  "        name:\n          type: string\n    CustomerList:",
  "        name:\n          type: string\n        email:\n          type: string\n    CustomerList:",
] as const;

/**
 * A repo in git with what the script reads (the root manifest, specs, the packages' manifests,
 * .changeset/) for two scaffolded sample providers and no other: "sample" released at 0.1.0,
 * "sample-two" never released, and every changeset consumed.
 */
async function releasedCopy(): Promise<string> {
  const copy = await testTempDir("spec-changeset-");
  await cp(join(repoRoot, "package.json"), join(copy, "package.json"));
  await writeSampleProvider(copy, "sample");
  await writeSampleProvider(copy, "sample-two");
  for (const file of await readdir(join(copy, ".changeset")))
    if (file.endsWith(".md") && file !== "README.md") await run("rm", [join(copy, ".changeset", file)], copy);
  await commitAll(copy, "release");
  expect((await run("git", ["tag", "@org/sample-customers@0.1.0"], copy)).code).toBe(0);
  return copy;
}

/** Replaces text the scaffold's spec is known to hold; fails if it is not there. */
async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe("pnpm spec:changeset", () => {
  it("writes a changeset with the bump and the list of changes since the last release", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    const spec = join(copy, "specs/sample/customers.yaml");
    await edit(
      spec,
      "      operationId: listCustomers\n",
      "      operationId: listCustomers\n      parameters:\n        - name: page\n          in: query\n          schema:\n            type: integer\n",
    );

    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      "sample: the spec changed since @org/sample-customers@0.1.0 (minor) but no changeset bumps @org/sample-customers",
    );

    const write = await run(repoBin("tsx"), [script], copy);
    expect(write.code).toBe(0);
    const changeset = await readFile(join(copy, ".changeset/spec-sample.md"), "utf8");
    expect(changeset).toBe(
      '---\n"@org/sample-customers": minor\n---\n\nSpec changes since @org/sample-customers@0.1.0:\n\n- Added optional query parameter `page` to `GET /customers`\n',
    );
    expect(write.output).toMatch(/sample-two: spec unchanged since [0-9a-f]{7,}\./);

    expect(await run(repoBin("tsx"), [script, "--check"], copy)).toMatchObject({ code: 0 });
  });

  it("names a ref given with --since by its short sha, and lists a field added to a shared model once", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    await edit(join(copy, "specs/sample/customers.yaml"), ...FIELD_ADDED);
    const sha = (await run("git", ["rev-parse", "--short", "HEAD"], copy)).output.trim();
    await run("git", ["tag", "-d", "@org/sample-customers@0.1.0"], copy);
    expect(await run(repoBin("tsx"), [script, "--since", "HEAD"], copy)).toMatchObject({ code: 0 });
    expect(await readFile(join(copy, ".changeset/spec-sample.md"), "utf8")).toBe(
      `---\n"@org/sample-customers": minor\n---\n\nSpec changes since ${sha}:\n\n- Added optional field \`email\` to \`Customer\`\n`,
    );
  });

  it("writes a changeset before a package's first release, counting from the commit that added its spec", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    await edit(join(copy, "specs/sample-two/customers.yaml"), ...FIELD_ADDED);
    const write = await run(repoBin("tsx"), [script], copy);
    expect(write.code, write.output).toBe(0);
    const changeset = await readFile(join(copy, ".changeset/spec-sample-two.md"), "utf8");
    expect(changeset).toMatch(
      /^---\n"@org\/sample-two-customers": minor\n---\n\nSpec changes since [0-9a-f]{7,}:\n\n- Added optional field `email` to `Customer`\n$/,
    );
    // Never released: any pending changeset takes it to its first version, so the check passes.
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check).toMatchObject({ code: 0 });
    expect(check.output).toMatch(
      /sample-two: spec changed since [0-9a-f]{7,} \(minor\); never released, so the pending changeset \(minor\) takes it to its first version\./,
    );
  });

  it("fails the check when the pending changeset's bump is lower than the spec change", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    await edit(
      join(copy, "specs/sample/customers.yaml"),
      "    get:\n      operationId: getCustomer",
      "    x-removed:\n      operationId: getCustomer",
    );
    await writeFile(join(copy, ".changeset/tweak.md"), '---\n"@org/sample-customers": patch\n---\n\nA tweak.\n');
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain("(major) but the pending changesets only bump @org/sample-customers patch");
  });
});
