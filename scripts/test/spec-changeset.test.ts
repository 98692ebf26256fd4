import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../repo-root.js";
import { commitAll, repoBin, repoCopy, run } from "./repo-copy.js";

const script = join(repoRoot, "scripts/spec-changeset.ts");

/** A copy of the repo in git, with Fastly "released" at 0.1.0 and its changesets consumed. */
async function releasedCopy(): Promise<string> {
  const copy = await repoCopy("spec-changeset-");
  for (const file of await readdir(join(copy, ".changeset"))) if (file.endsWith(".md") && file !== "README.md") await run("rm", [join(copy, ".changeset", file)], copy);
  await commitAll(copy, "release");
  expect((await run("git", ["tag", "@org/fastly-customers@0.1.0"], copy)).code).toBe(0);
  return copy;
}

describe("pnpm spec:changeset", () => {
  it("writes a changeset with the bump and the list of changes since the last release", { timeout: 60_000 }, async () => {
    const copy = await releasedCopy();
    const spec = join(copy, "specs/fastly/customers.yaml");
    const text = await readFile(spec, "utf8");
    await writeFile(spec, text.replace("      enum: [user, tls_viewer, tls_admin, billing, engineer, superuser]", "      enum: [user, tls_viewer, tls_admin, billing, engineer, superuser, auditor]"));

    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain("fastly: the spec changed since @org/fastly-customers@0.1.0 (minor) but no changeset bumps @org/fastly-customers");

    const write = await run(repoBin("tsx"), [script], copy);
    expect(write.code).toBe(0);
    const changeset = await readFile(join(copy, ".changeset/spec-fastly.md"), "utf8");
    expect(changeset).toBe('---\n"@org/fastly-customers": minor\n---\n\nSpec changes since @org/fastly-customers@0.1.0:\n\n- Added the value "auditor" to `UserRole`\n');
    expect(write.output).toMatch(/koronacloud: spec unchanged since [0-9a-f]{7,}\./);

    expect(await run(repoBin("tsx"), [script, "--check"], copy)).toMatchObject({ code: 0 });
  });

  it("names a ref given with --since by its short sha, and lists a field added to a shared model once", { timeout: 60_000 }, async () => {
    const copy = await releasedCopy();
    const spec = join(copy, "specs/fastly/customers.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("          properties:\n            can_configure_wordpress:", "          properties:\n            account_manager_email:\n              type: string\n            can_configure_wordpress:"));
    const sha = (await run("git", ["rev-parse", "--short", "HEAD"], copy)).output.trim();
    await run("git", ["tag", "-d", "@org/fastly-customers@0.1.0"], copy);
    expect(await run(repoBin("tsx"), [script, "--since", "HEAD"], copy)).toMatchObject({ code: 0 });
    expect(await readFile(join(copy, ".changeset/spec-fastly.md"), "utf8")).toBe(
      `---\n"@org/fastly-customers": minor\n---\n\nSpec changes since ${sha}:\n\n- Added optional field \`account_manager_email\` to \`Customer\`\n`,
    );
  });

  it("writes a changeset before a package's first release, counting from the commit that added its spec", { timeout: 60_000 }, async () => {
    const copy = await releasedCopy();
    const spec = join(copy, "specs/koronacloud/customers.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace(/^(\s+)enum: \[MALE, FEMALE\]$/m, "$1enum: [MALE, FEMALE, DIVERSE]"));
    const write = await run(repoBin("tsx"), [script], copy);
    expect(write.code, write.output).toBe(0);
    const changeset = await readFile(join(copy, ".changeset/spec-koronacloud.md"), "utf8");
    expect(changeset).toMatch(/^---\n"@org\/koronacloud-customers": minor\n---\n\nSpec changes since [0-9a-f]{7,}:\n\n- Added the value "DIVERSE" to `Customer.gender`\n$/);
    // Never released: any pending changeset takes it to its first version, so the check passes.
    expect(await run(repoBin("tsx"), [script, "--check"], copy)).toMatchObject({ code: 0 });
  });

  it("fails the check when the pending changeset's bump is lower than the spec change", { timeout: 60_000 }, async () => {
    const copy = await releasedCopy();
    const spec = join(copy, "specs/fastly/customers.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("    delete:\n      operationId: deleteCustomer", "    x-removed:\n      operationId: deleteCustomer"));
    await writeFile(join(copy, ".changeset/tweak.md"), '---\n"@org/fastly-customers": patch\n---\n\nA tweak.\n');
    const check = await run(repoBin("tsx"), [script, "--check"], copy);
    expect(check.code).toBe(1);
    expect(check.output).toContain("(major) but the pending changesets only bump @org/fastly-customers patch");
  });
});
