/**
 * `pnpm spec:changeset [--since <git ref>]`: for each provider, compares its spec with the one
 * of its last release (its changesets tag; before the first release, the commit that added the
 * spec; or `--since <ref>`), classifies the change (major, minor, patch; see
 * spec/classify-spec-change.ts) and writes `.changeset/spec-<provider>.md` with that bump and one
 * line per change, phrased for the package's users. The ref is named by its tag or short sha.
 * Run it in the repository root.
 * `--check` writes nothing and fails when a changed spec has no pending changeset for its
 * package with at least that bump (CI runs it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { classifySpecChange, type Bump, type SpecChange } from "./spec/classify-spec-change.js";
import { firstCommitOf, lastReleaseTag, refLabel, specAt } from "./spec/released-spec.js";

const root = process.cwd();
const args = process.argv.slice(2);
const check = args.includes("--check");
const since = args.includes("--since") ? args[args.indexOf("--since") + 1] : undefined;
const scope = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { scope: string } }).config
  .scope;
const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

let failed = false;
for (const provider of readdirSync(join(root, "specs")).sort()) {
  const packageName = `${scope}/${provider}-customers`;
  const specPath = `specs/${provider}/customers.yaml`;
  const released = lastReleaseTag(root, packageName);
  // Before the first release, changes count from the commit that added the spec.
  const base = since ?? released ?? firstCommitOf(root, specPath);
  if (!base) {
    console.log(`${provider}: the spec is not committed yet; its first-release changeset covers it.`);
    continue;
  }
  const label = refLabel(root, base, packageName);
  const before = specAt(root, base, specPath);
  const change: SpecChange | undefined = before
    ? classifySpecChange(before, parseYaml(readFileSync(join(root, specPath), "utf8")) as object)
    : { bump: "minor", changes: [{ bump: "minor", description: `Added the spec (new since ${label})` }] };
  if (!change) {
    console.log(`${provider}: spec unchanged since ${label}.`);
    continue;
  }
  if (check) {
    const pending = pendingBump(packageName);
    // A package never released goes from 0.0.0 to its first version whatever the bump.
    const enough = pending !== undefined && (!released || RANK[pending] >= RANK[change.bump]);
    if (!enough) {
      failed = true;
      console.error(
        `${provider}: the spec changed since ${label} (${change.bump}) but ${pending ? `the pending changesets only bump ${packageName} ${pending}` : `no changeset bumps ${packageName}`}. Run \`npm run spec:changeset\`.`,
      );
    } else {
      const outcome = released
        ? `a pending changeset bumps it ${pending}`
        : `never released, so the pending changeset (${pending}) takes it to its first version`;
      console.log(`${provider}: spec changed since ${label} (${change.bump}); ${outcome}.`);
    }
    continue;
  }
  const file = join(root, ".changeset", `spec-${provider}.md`);
  const list = change.changes.slice(0, 40).map((entry) => `- ${entry.description}`);
  if (change.changes.length > 40) list.push(`- … and ${change.changes.length - 40} more`);
  writeFileSync(
    file,
    `---\n"${packageName}": ${change.bump}\n---\n\nSpec changes since ${label}:\n\n${list.join("\n")}\n`,
  );
  console.log(
    `${provider}: ${change.bump}, ${change.changes.length} change(s) since ${label} → .changeset/spec-${provider}.md`,
  );
}
if (failed) process.exit(1);

/** The highest bump the pending changesets give a package, if any. */
function pendingBump(packageName: string): Bump | undefined {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return undefined;
  let highest: Bump | undefined;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".md") && name !== "README.md")) {
    const match = new RegExp(
      `^["']?${packageName.replace(/[/@]/g, "\\$&")}["']?:\\s*(major|minor|patch)\\s*$`,
      "m",
    ).exec(readFileSync(join(dir, file), "utf8"));
    const bump = match?.[1] as Bump | undefined;
    if (bump && (!highest || RANK[bump] > RANK[highest])) highest = bump;
  }
  return highest;
}
