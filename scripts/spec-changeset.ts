/**
 * `pnpm spec:changeset [--since <git ref>]`: for each provider whose spec changed, judges the
 * change twice (the spec diff, and code written against the previous types compiled against the
 * new ones: spec/judge-version.ts), takes the higher bump and writes `.changeset/spec-<provider>.md`
 * with it, one line per change in the package users' words, and why when the types raised it.
 * - A released package counts from its last release tag (or `--since <ref>`).
 * - A package never released counts from the committed spec (HEAD): the changeset describes the
 *   edit in the working tree, keeping the lines an earlier committed edit wrote. Its bump is at
 *   most minor: nothing was released that it could break, and a first release is 0.1.0.
 * `--check` writes nothing and fails when a released package's spec changed without a pending
 * changeset of at least that bump (naming what breaks for its users), or when a package never
 * released has no pending changeset, or a major one (its first release would be 1.0.0).
 * Run it in the repository root.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import {
  type Bump,
  judgeVersions,
  type OpenApiDocument,
  RANK,
  renderTypes,
  type TypesVersion,
  type VersionVerdict,
} from "@org/customers-codegen";
import { fileAt, lastReleaseTag, refLabel } from "./git-history.js";

const root = process.cwd();
const args = process.argv.slice(2);
const check = args.includes("--check");
const since = args.includes("--since") ? args[args.indexOf("--since") + 1] : undefined;
const scope = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { scope: string } }).config
  .scope;

interface Provider {
  name: string;
  packageName: string;
  released?: string;
  base: string;
  label: string;
  before: TypesVersion;
  after: TypesVersion;
}

let failed = false;
const providers: Provider[] = [];
for (const name of readdirSync(join(root, "specs")).sort()) {
  const packageName = `${scope}/${name}-customers`;
  const specPath = `specs/${name}/customers.yaml`;
  const released = lastReleaseTag(root, packageName);
  const base = since ?? released ?? "HEAD";
  const label = refLabel(root, base, packageName);
  const beforeText = fileAt(root, base, specPath);
  if (beforeText === undefined) {
    console.log(`${name}: a new spec (not in ${label}); its first-release changeset covers it.`);
    if (check) checkFirstRelease(name, packageName);
    continue;
  }
  const document = parseYaml(beforeText) as OpenApiDocument;
  const after = parseYaml(readFileSync(join(root, specPath), "utf8")) as OpenApiDocument;
  // The types as the base shipped them, when they were committed; else rendered from its spec.
  const types =
    fileAt(root, base, `packages/${name}-customers/src/generated/customers.ts`) ??
    (await renderTypes({ file: specPath, document }));
  providers.push({
    name,
    packageName,
    ...(released ? { released } : {}),
    base,
    label,
    before: { document, types },
    after: { document: after, types: await renderTypes({ file: specPath, document: after }) },
  });
}

const verdicts = judgeVersions(providers);
providers.forEach((provider, index) => {
  const verdict = verdicts[index];
  if (check) checkProvider(provider, verdict);
  else if (verdict) writeChangeset(provider, verdict);
  else console.log(`${provider.name}: spec unchanged since ${provider.label}.`);
});
if (failed) process.exit(1);

function writeChangeset({ name, packageName, released, label }: Provider, verdict: VersionVerdict): void {
  const file = join(root, ".changeset", `spec-${name}.md`);
  let lines = verdict.spec.changes.map((entry) => `- ${entry.description}`);
  let bump = verdict.bump;
  let heading = `Spec changes since ${label}:`;
  let why = verdict.why;
  if (!released) {
    // Unreleased: the committed changeset's lines are earlier edits; this one adds to them.
    const earlier = fileAt(root, "HEAD", `.changeset/spec-${name}.md`)?.match(/^- .*$/gm) ?? [];
    lines = [...new Set([...earlier, ...lines])];
    heading = `Spec changes since ${label}, before the first release:`;
    if (bump === "major") {
      bump = "minor";
      why = `Rated major, but ${packageName} has never been released: its first release (0.1.0) takes this change.`;
    }
  }
  const list = lines.slice(0, 40);
  if (lines.length > 40) list.push(`- … and ${lines.length - 40} more`);
  writeFileSync(
    file,
    `---\n"${packageName}": ${bump}\n---\n\n${heading}\n\n${list.join("\n")}\n${why ? `\n${why}\n` : ""}`,
  );
  console.log(`${name}: ${bump}, ${verdict.spec.changes.length} change(s) since ${label} → .changeset/spec-${name}.md`);
}

function checkProvider({ name, packageName, released, label }: Provider, verdict: VersionVerdict | undefined): void {
  if (!released) {
    checkFirstRelease(name, packageName, verdict && `spec changed since ${label} (${verdict.bump}); `);
    return;
  }
  if (!verdict) {
    console.log(`${name}: spec unchanged since ${label}.`);
    return;
  }
  const pending = pendingBump(packageName);
  if (pending !== undefined && RANK[pending] >= RANK[verdict.bump]) {
    console.log(`${name}: spec changed since ${label} (${verdict.bump}); a pending changeset bumps it ${pending}.`);
    return;
  }
  failed = true;
  const breaking = [
    ...verdict.spec.changes.filter((entry) => entry.bump === verdict.bump).map((entry) => entry.description),
    ...verdict.types.breaks,
  ];
  console.error(
    `${name}: the spec changed since ${label} (${verdict.bump}) but ${pending ? `the pending changesets only bump ${packageName} ${pending}` : `no changeset bumps ${packageName}`}.`,
    `\n  What changes for its users:\n${breaking.map((line) => `  - ${line}`).join("\n")}`,
    "\n  Run `npm run spec:changeset`.",
  );
}

/** A package never released needs a pending changeset, and not a major one: its first release is 0.1.0. */
function checkFirstRelease(name: string, packageName: string, change = ""): void {
  const pending = pendingBump(packageName);
  if (pending === undefined || pending === "major") {
    failed = true;
    console.error(
      pending === undefined
        ? `${name}: ${packageName} has never been released and no pending changeset releases it. Add its first-release changeset (minor).`
        : `${name}: ${packageName} has never been released and a pending changeset bumps it major: its first release would be 1.0.0, not 0.1.0. Make it minor.`,
    );
    return;
  }
  console.log(
    `${name}: ${change}never released, so the pending changeset (${pending}) takes it to its first version, 0.1.0.`,
  );
}

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
