/**
 * `pnpm lint` (repo part): the conventions every package and spec must keep.
 * - the npm scope is set once, in the root package.json's `config.scope`, and every package uses it;
 * - each `packages/<provider>-customers` has `specs/<provider>/customers.yaml` and the reverse;
 * - each published package has what users need (exports, types, engines, README, LICENSE, public access);
 * - each `specs/<provider>` is the workspace package `<scope>/<provider>-spec`, and its client
 *   depends on it, so that turbo re-generates the client when the spec changes (the house rules
 *   for the spec itself are its own `lint:spec` task);
 * - the lockfile has the platform binaries of Linux, macOS and Windows on x64 and arm64;
 * - the README's commands work as written after the Quick start (`npm run …`, not `pnpm …`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lockfilePlatformProblems } from "./lockfile-platforms.js";
import { readmeCommandProblems } from "./readme-commands.js";
import { repoRoot } from "./repo-root.js";

export function lintRepo(root: string): string[] {
  const problems: string[] = [];
  const rootPackage = readJson(join(root, "package.json"));
  const scope = (rootPackage.config as { scope?: string } | undefined)?.scope;
  if (!scope || !/^@[a-z0-9-]+$/.test(scope))
    problems.push(`package.json: config.scope must be the npm scope, e.g. "@org"; found ${JSON.stringify(scope)}`);
  problems.push(...lockfilePlatformProblems(rootPackage, readFileSync(join(root, "pnpm-lock.yaml"), "utf8")));
  problems.push(...specCopiesCommitted(root));
  const docs = existsSync(join(root, "docs"))
    ? readdirSync(join(root, "docs"))
        .filter((file) => file.endsWith(".md"))
        .map((file) => `docs/${file}`)
    : [];
  for (const doc of ["README.md", ...docs]) {
    problems.push(
      ...readmeCommandProblems(
        readFileSync(join(root, doc), "utf8"),
        rootPackage.scripts as Record<string, string>,
        doc,
      ),
    );
  }

  const packageDirs = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const providerDirs = packageDirs.filter((dir) => dir.endsWith("-customers"));
  for (const dir of packageDirs) {
    const file = `packages/${dir}/package.json`;
    const manifest = readJson(join(root, file));
    if (manifest.name !== `${scope}/${dir}`)
      problems.push(
        `${file}: name must be "${scope}/${dir}" (scope from package.json config.scope, then the folder name); found "${String(manifest.name)}"`,
      );
    if (!manifest.private) problems.push(...checkPublishable(root, dir, manifest));
  }
  for (const dir of providerDirs) {
    const provider = dir.slice(0, -"-customers".length);
    if (!existsSync(join(root, "specs", provider, "customers.yaml")))
      problems.push(`packages/${dir}: no spec at specs/${provider}/customers.yaml`);
    const manifest = readJson(join(root, "packages", dir, "package.json"));
    if (
      (manifest.devDependencies as Record<string, string> | undefined)?.[`${scope}/${provider}-spec`] !== "workspace:*"
    )
      problems.push(
        `packages/${dir}/package.json: needs "${scope}/${provider}-spec": "workspace:*" in devDependencies, or its generate task does not follow the spec`,
      );
  }
  const specDirs = readdirSync(join(root, "specs"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  for (const provider of specDirs) {
    if (!providerDirs.includes(`${provider}-customers`))
      problems.push(`specs/${provider}: no package at packages/${provider}-customers`);
    const file = join(root, "specs", provider, "package.json");
    const name = existsSync(file) ? readJson(file).name : undefined;
    if (name !== `${scope}/${provider}-spec`)
      problems.push(
        `specs/${provider}/package.json: name must be "${scope}/${provider}-spec"; found ${JSON.stringify(name)}`,
      );
  }
  return problems;
}

/** Each spec is committed once, in specs/: the copy a package ships is written by generate. */
function specCopiesCommitted(root: string): string[] {
  let tracked: string;
  try {
    tracked = execFileSync("git", ["ls-files", "--", "packages/*/openapi.yaml"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return []; // not a git checkout (a copy under test): nothing is committed
  }
  return tracked
    .split("\n")
    .filter(Boolean)
    .map(
      (file) =>
        `${file}: committed, but it is generate's copy of specs/; \`git rm --cached\` it (.gitignore keeps it out)`,
    );
}

function checkPublishable(root: string, dir: string, manifest: Record<string, unknown>): string[] {
  const file = `packages/${dir}/package.json`;
  const problems: string[] = [];
  const required: [boolean, string][] = [
    [manifest.type === "module", `"type": "module"`],
    [manifest.sideEffects === false, `"sideEffects": false`],
    [typeof (manifest.engines as Record<string, unknown> | undefined)?.node === "string", `"engines": { "node": ... }`],
    [typeof (manifest.exports as Record<string, unknown> | undefined)?.["."] === "object", `an "exports" map with "."`],
    [
      (manifest.publishConfig as Record<string, unknown> | undefined)?.access === "public",
      `"publishConfig": { "access": "public" }`,
    ],
    [manifest.license === "MIT", `"license": "MIT"`],
    [Array.isArray(manifest.files) && (manifest.files as string[]).includes("dist"), `"files" listing dist`],
    [
      !dir.endsWith("-customers") ||
        (Array.isArray(manifest.files) && (manifest.files as string[]).includes("openapi.yaml")),
      `"files" listing openapi.yaml (the spec users can read)`,
    ],
  ];
  for (const [ok, what] of required) if (!ok) problems.push(`${file}: needs ${what}`);
  for (const doc of ["README.md", "LICENSE"]) {
    if (!existsSync(join(root, "packages", dir, doc))) problems.push(`packages/${dir}: needs a ${doc}`);
  }
  return problems;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

if (process.argv[1]?.endsWith("lint-repo.ts")) {
  const problems = lintRepo(process.argv[2] ?? repoRoot);
  if (problems.length > 0) {
    console.error(`lint: ${problems.length} problem(s)\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    process.exit(1);
  }
  console.log("lint: packages, scope and specs follow the conventions.");
}
