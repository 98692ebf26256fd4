/**
 * Generates a client package's code from its spec:
 *   tsx scripts/generate.ts <spec.yaml> <output dir> [--check]
 * Writes `<output dir>/customers.ts` (openapi-typescript types) and `operations.ts` (the
 * operation list the client uses at run time). The spec is validated first; on any problem
 * nothing is written. With --check nothing is written either: it fails when the files on
 * disk differ from what the spec generates (drift).
 */
import { join } from "node:path";
import { generateClientCode } from "./spec/generate-client-code.js";
import { SpecError } from "./spec/spec-error.js";
import { readIfExists, writeFilesAtomically } from "./spec/write-files-atomically.js";

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const [specFile, outDir] = argv.filter((arg) => arg !== "--check");
  if (!specFile || !outDir) {
    console.error("usage: tsx scripts/generate.ts <spec.yaml> <output dir> [--check]");
    return 2;
  }
  let files: Record<string, string>;
  try {
    files = await generateClientCode(specFile);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`generate: ${specFile} is not a usable spec; the generated files were left as they were.\n${error.message}`);
    return 1;
  }
  if (check) {
    const drifted: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      if ((await readIfExists(join(outDir, name))) !== content) drifted.push(join(outDir, name));
    }
    if (drifted.length > 0) {
      console.error(`generate --check: ${drifted.join(", ")} differ from what ${specFile} generates. Run \`pnpm generate\` and commit the result; never edit generated files by hand.`);
      return 1;
    }
    console.log(`generate --check: ${outDir} matches ${specFile}`);
    return 0;
  }
  const changed = await writeFilesAtomically(outDir, files);
  console.log(changed.length ? `generate: wrote ${changed.map((name) => join(outDir, name)).join(", ")}` : `generate: ${outDir} is up to date`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
