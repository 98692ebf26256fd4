import { execFileSync } from "node:child_process";

/** The newest changesets release tag of a package (`@org/x@1.2.3`), or undefined if never released. */
export function lastReleaseTag(root: string, packageName: string): string | undefined {
  const tags = git(root, ["tag", "--list", `${packageName}@*`])
    .split("\n")
    .filter(Boolean);
  const version = (tag: string) =>
    tag
      .slice(packageName.length + 1)
      .split(/[.-]/)
      .map((part) => Number(part) || 0);
  return tags
    .sort((a, b) => {
      const [x, y] = [version(a), version(b)];
      for (let index = 0; index < Math.max(x.length, y.length); index++)
        if ((x[index] ?? 0) !== (y[index] ?? 0)) return (x[index] ?? 0) - (y[index] ?? 0);
      return 0;
    })
    .at(-1);
}

/** A ref as a changelog names it: a tag given by name, the package's tag at that commit, else its short sha. */
export function refLabel(root: string, ref: string, packageName: string): string {
  try {
    const tags = git(root, ["tag", "--points-at", ref]).split("\n").filter(Boolean);
    return tags.includes(ref)
      ? ref
      : (tags.find((tag) => tag.startsWith(`${packageName}@`)) ?? git(root, ["rev-parse", "--short", ref]).trim());
  } catch {
    return ref;
  }
}

/** A file as it was at a git ref; undefined when it did not exist there. */
export function fileAt(root: string, ref: string, path: string): string | undefined {
  try {
    return git(root, ["show", `${ref}:${path}`]);
  } catch {
    return undefined;
  }
}

function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
