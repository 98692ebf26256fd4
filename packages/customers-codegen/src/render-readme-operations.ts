import type { LoadedSpec } from "./load-spec.js";
import { listOperations } from "./render-operations.js";

export const README_START = "<!-- operations:start (generated from the spec by pnpm generate) -->";
export const README_END = "<!-- operations:end -->";

/** The README's operations table: method, path, operationId and summary of each operation. */
export function renderOperationsTable(spec: LoadedSpec): string {
  const rows = listOperations(spec).map(
    (operation) =>
      `| \`${operation.method}\` | \`${operation.path}\` | \`${operation.operationId}\` | ${operation.summary.replaceAll("|", "\\|")} |`,
  );
  return ["| Method | Path | Operation | Summary |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README with the text between two markers replaced; unchanged if it lacks them. */
export function replaceBlock(readme: string, startMarker: string, endMarker: string, table: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) return readme;
  return `${readme.slice(0, start + startMarker.length)}\n${table}\n${readme.slice(end)}`;
}
