/**
 * The generator's command (bin `customers-codegen`):
 *
 *   customers-codegen <spec.yaml> [--check]   in a client package's folder: write its generated files
 *   customers-codegen lint <spec.yaml>        check a spec against the house rules
 *
 * Generate writes src/generated/customers.ts (openapi-typescript types), src/generated/operations.ts
 * (the operations the client needs at run time), the operations and models tables of README.md and
 * openapi.yaml (the spec the package ships; ignored by git, so --check skips it). The spec is
 * validated first; on any problem nothing is written. With --check nothing is written either: it
 * fails when the files differ from what the spec generates (drift).
 */
import { join } from "node:path";
import { generateClientCode, UNCOMMITTED_OUTPUTS } from "./generate-client-code.js";
import { loadSpec } from "./load-spec.js";
import { SpecError } from "./spec-error.js";
import { lintRules } from "./spec-rules.js";
import { readIfExists, writeFilesAtomically } from "./write-files-atomically.js";

const USAGE = `usage: customers-codegen <spec.yaml> [--check]   (in a client package's folder)
       customers-codegen lint <spec.yaml>`;

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((arg) => arg !== "--");
  if (args[0] === "lint") return args.length === 2 ? lint(args[1]!) : usage();
  const check = args.includes("--check");
  const [specFile, ...extra] = args.filter((arg) => arg !== "--check");
  if (!specFile || extra.length > 0) return usage();
  return check ? checkDrift(specFile) : generate(specFile);
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

async function lint(specFile: string): Promise<number> {
  try {
    await loadSpec(specFile, lintRules);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`lint: ${specFile} breaks the house rules:\n${error.message}`);
    return 1;
  }
  console.log(`lint: ${specFile} keeps the house rules`);
  return 0;
}

/** The files the spec generates, or undefined (after saying why) when it is not a usable spec. */
async function render(specFile: string): Promise<Record<string, string> | undefined> {
  try {
    return await generateClientCode(specFile, process.cwd());
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(
      `generate: ${specFile} is not a usable spec; the generated files were left as they were.\n${error.message}`,
    );
    return undefined;
  }
}

async function generate(specFile: string): Promise<number> {
  const files = await render(specFile);
  if (!files) return 1;
  const changed = await writeFilesAtomically(process.cwd(), files);
  console.log(changed.length > 0 ? `generate: wrote ${changed.join(", ")}` : "generate: up to date");
  return 0;
}

async function checkDrift(specFile: string): Promise<number> {
  const files = await render(specFile);
  if (!files) return 1;
  const drifted: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    if (UNCOMMITTED_OUTPUTS.includes(name)) continue;
    if ((await readIfExists(join(process.cwd(), name))) !== content) drifted.push(name);
  }
  if (drifted.length > 0) {
    console.error(
      `generate --check: ${drifted.join(", ")} differ from what ${specFile} generates. Run \`npm run generate\` and commit the result; never edit generated files by hand.`,
    );
    return 1;
  }
  console.log(`generate --check: the generated files match ${specFile}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
