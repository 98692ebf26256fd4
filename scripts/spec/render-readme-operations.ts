import type { LoadedSpec } from "./load-spec.js";
import { listOperations } from "./render-operations.js";

export const README_START = "<!-- operations:start (generated from the spec by pnpm generate) -->";
export const README_END = "<!-- operations:end -->";

/** The README's operations table: method, path, operationId and summary of each operation. */
export function renderOperationsTable(spec: LoadedSpec): string {
  const rows = listOperations(spec).map(
    (operation) => `| \`${operation.method}\` | \`${operation.path}\` | \`${operation.operationId}\` | ${operation.summary.replaceAll("|", "\\|")} |`,
  );
  return ["| Method | Path | Operation | Summary |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README with the text between its operations markers replaced; unchanged if it has none. */
export function replaceOperationsBlock(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1 || end < start) return readme;
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
