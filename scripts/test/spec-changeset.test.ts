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
 * .changeset/) for two scaffolded sample providers and no other: "sample" released at 0.1.0 (its
 * changesets consumed), "sample-two" never released, its first-release changeset pending.
 */
async function releasedCopy(): Promise<string> {
  const copy = await testTempDir("spec-changeset-");
  await cp(join(repoRoot, "package.json"), join(copy, "package.json"));
  await writeSampleProvider(copy, "sample");
  await writeSampleProvider(copy, "sample-two");
  for (const file of await readdir(join(copy, ".changeset")))
    if (file.endsWith(".md") && file !== "README.md") await run("rm", [join(copy, ".changeset", file)], copy);
  await writeFile(
    join(copy, ".changeset/sample-two-first-release.md"),
    '---\n"@org/sample-two-customers": minor\n---\n\nFirst release.\n',
  );
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
      `---\n"@org/sample-customers": minor\n---\n\nSpec changes since ${sha}, before the first release:\n\n- Added optional field \`email\` to \`Customer\`\n`,
    );
  });

  it("writes a changeset before a package's first release for that package alone, describing the edit", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    // Earlier edits of the never-released spec, committed, are not listed again: only this one.
    await edit(join(copy, "specs/sample-two/customers.yaml"), "description: Every customer.", "description: All.");
    await commitAll(copy, "an earlier edit");
    const sha = (await run("git", ["rev-parse", "--short", "HEAD"], copy)).output.trim();
    await edit(join(copy, "specs/sample-two/customers.yaml"), ...FIELD_ADDED);
    const write = await run(repoBin("tsx"), [script], copy);
    expect(write.code, write.output).toBe(0);
    expect(await readdir(join(copy, ".changeset"))).not.toContain("spec-sample.md");
    expect(await readFile(join(copy, ".changeset/spec-sample-two.md"), "utf8")).toBe(
      `---\n"@org/sample-two-customers": minor\n---\n\nSpec changes since ${sha}, before the first release:\n\n- Added optional field \`email\` to \`Customer\`\n`,
    );
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check).toMatchObject({ code: 0 });
    expect(check.output).toContain(
      `sample-two: spec changed since ${sha} (minor); never released, so the pending changeset (minor) takes it to its first version, 0.1.0.`,
    );
  });

  it("keeps a breaking edit before the first release at minor, says why, and refuses a major changeset there", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    await writeFile(
      join(copy, ".changeset/spec-sample-two.md"),
      '---\n"@org/sample-two-customers": minor\n---\n\nSpec changes:\n\n- Earlier line\n',
    );
    await commitAll(copy, "an earlier edit's changeset");
    await edit(join(copy, "specs/sample-two/customers.yaml"), FIELD_ADDED[0], "    CustomerList:");
    expect(await run(repoBin("tsx"), [script], copy)).toMatchObject({ code: 0 });
    const changeset = await readFile(join(copy, ".changeset/spec-sample-two.md"), "utf8");
    expect(changeset).toMatch(/^---\n"@org\/sample-two-customers": minor\n---\n/);
    expect(changeset).toContain("- Earlier line\n- Removed field `name` from `Customer`\n");
    expect(changeset).toContain(
      "Rated major, but @org/sample-two-customers has never been released: its first release (0.1.0) takes this change.",
    );

    await writeFile(join(copy, ".changeset/oops.md"), '---\n"@org/sample-two-customers": major\n---\n\nOops.\n');
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain("its first release would be 1.0.0, not 0.1.0. Make it minor.");
  });

  it("raises the bump when the types break what the spec diff rates minor, says why, and the check names it", {
    timeout: 300_000,
  }, async () => {
    const copy = await releasedCopy();
    // A renamed path parameter: api-smart-diff sees a compatible path; `client.GET(path)` calls stop compiling.
    await edit(
      join(copy, "specs/sample/customers.yaml"),
      "  /customers/{customer_id}:\n    parameters:\n      - name: customer_id",
      "  /customers/{id}:\n    parameters:\n      - name: id",
    );
    await writeFile(join(copy, ".changeset/tweak.md"), '---\n"@org/sample-customers": minor\n---\n\nA tweak.\n');
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain("(major) but the pending changesets only bump @org/sample-customers minor.");
    expect(check.output).toContain('`client.GET("/customers/{customer_id}")` no longer compiles');

    expect(await run(repoBin("tsx"), [script], copy)).toMatchObject({ code: 0 });
    const changeset = await readFile(join(copy, ".changeset/spec-sample.md"), "utf8");
    expect(changeset).toMatch(/^---\n"@org\/sample-customers": major\n---\n/);
    expect(changeset).toMatch(
      /The spec diff rates this (minor|patch), but code written against the previous types no longer compiles:\n- `client\.GET\("\/customers\/\{customer_id\}"\)` no longer compiles/,
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
    expect(check.output).toContain("(major) but the pending changesets only bump @org/sample-customers patch.");
    expect(check.output).toContain(
      "What changes for its users:\n  - Removed operation `GET /customers/{customer_id}` (`getCustomer`)",
    );
  });
});
