/**
 * Generates a client package's code from its spec, run in the package's folder:
 *   tsx ../../scripts/generate.ts <spec.yaml> [--check]
 * Writes src/generated/customers.ts (openapi-typescript types), src/generated/operations.ts
 * (the operations the client needs at run time), the operations table of README.md and
 * openapi.yaml (the spec the package ships; ignored by git, so --check skips it).
 * The spec is validated first; on any problem nothing is written. With --check nothing is
 * written either: it fails when the files differ from what the spec generates (drift).
 */
import { join } from "node:path";
import { generateClientCode, UNCOMMITTED_OUTPUTS } from "./spec/generate-client-code.js";
import { SpecError } from "./spec/spec-error.js";
import { readIfExists, writeFilesAtomically } from "./spec/write-files-atomically.js";

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const [specFile, ...extra] = argv.filter((arg) => arg !== "--check" && arg !== "--");
  if (!specFile || extra.length > 0) {
    console.error("usage: tsx scripts/generate.ts <spec.yaml> [--check]   (run in the package's folder)");
    return 2;
  }
  const packageDir = process.cwd();
  let files: Record<string, string>;
  try {
    files = await generateClientCode(specFile, packageDir);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(
      `generate: ${specFile} is not a usable spec; the generated files were left as they were.\n${error.message}`,
    );
    return 1;
  }
  if (check) {
    const drifted: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      if (UNCOMMITTED_OUTPUTS.includes(name)) continue;
      if ((await readIfExists(join(packageDir, name))) !== content) drifted.push(name);
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
  const changed = await writeFilesAtomically(packageDir, files);
  console.log(changed.length > 0 ? `generate: wrote ${changed.join(", ")}` : "generate: up to date");
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
