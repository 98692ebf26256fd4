/**
 * The commands of the root README and docs/ must work as written right after the Quick start, when only npm
 * is on PATH: `npm run <script>` (arguments after `--`) or `npm test`, never a bare `pnpm <script>`.
 */
export function readmeCommandProblems(readme: string, scripts: Record<string, string>, file = "README.md"): string[] {
  const problems: string[] = [];
  let fenced = false;
  readme.split("\n").forEach((line, index) => {
    if (line.startsWith("```")) {
      fenced = !fenced;
      return;
    }
    const commands = fenced ? [line.replace(/#.*$/, "")] : [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    for (const command of commands) {
      for (const part of command.split("&&").map((piece) => piece.trim())) {
        const where = `${file}:${index + 1}`;
        const pnpm = /^pnpm ([\w:-]+)/.exec(part);
        if (pnpm && pnpm[1]! in scripts)
          problems.push(
            `${where}: \`${part}\` fails right after the Quick start (pnpm is not on PATH); write \`${pnpm[1] === "test" ? "npm test" : `npm run ${pnpm[1]}`}\``,
          );
        const npmRun = /^npm run ([\w:-]+)(?: (.*))?$/.exec(part);
        if (!npmRun) continue;
        if (!(npmRun[1]! in scripts)) problems.push(`${where}: \`${part}\` names no script of package.json`);
        else if (npmRun[2] && !npmRun[2].startsWith("-- ") && npmRun[2] !== "--")
          problems.push(`${where}: \`${part}\`: npm takes the script's arguments after \`--\``);
      }
    }
  });
  return problems;
}
