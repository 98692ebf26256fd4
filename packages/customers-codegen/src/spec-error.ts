/** A problem with a spec file, already located: `file:line:col` and what is wrong there. */
export interface SpecProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  pointer?: string | undefined;
  rule?: string | undefined;
  message: string;
}

/** Thrown when a spec cannot be used; its message lists every problem with its place. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    super(problems.map(formatSpecProblem).join("\n"));
    this.name = "SpecError";
    this.problems = problems;
  }
}

export function formatSpecProblem(problem: SpecProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  const pointer = problem.pointer ? ` (at ${problem.pointer})` : "";
  const rule = problem.rule ? ` [${problem.rule}]` : "";
  return `${place}: ${problem.message}${pointer}${rule}`;
}
