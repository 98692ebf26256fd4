/**
 * What a published package may contain: its built code, its docs and, for a provider, the spec
 * it was generated from. Anything else in the tarball (sources, tests, configs) is a mistake.
 */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^openapi\.yaml$/, /^dist\//];

export function packageContentProblems(files: readonly string[], options: { provider: boolean }): string[] {
  const required = [
    "package.json",
    "README.md",
    "LICENSE",
    "dist/index.js",
    "dist/index.d.ts",
    ...(options.provider ? ["openapi.yaml"] : []),
  ];
  return [
    ...files
      .filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))
      .map((file) => `${file} should not be published`),
    ...required.filter((file) => !files.includes(file)).map((file) => `${file} is missing from the package`),
  ];
}
