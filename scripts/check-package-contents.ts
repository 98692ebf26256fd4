/**
 * Run in a package's folder (its `lint` script): packs it with `npm pack --dry-run` and fails
 * when the tarball holds more or less than users need (see package-contents.ts).
 */
import { execFileSync } from "node:child_process";
import { basename } from "node:path";
import { packageContentProblems } from "./package-contents.js";

const [pack] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }),
) as { name: string; files: { path: string }[] }[];
const files = pack!.files.map((file) => file.path);
const problems = packageContentProblems(files, { provider: basename(process.cwd()).endsWith("-customers") });
if (problems.length > 0) {
  console.error(`package contents of ${pack!.name}:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  process.exit(1);
}
console.log(`package contents of ${pack!.name}: ${files.length} files, only what users need.`);
