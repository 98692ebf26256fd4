import { describe, expect, it } from "vitest";
import { packageContentProblems } from "../package-contents.js";

const provider = [
  "package.json",
  "README.md",
  "LICENSE",
  "openapi.yaml",
  "dist/index.js",
  "dist/index.d.ts",
  "dist/generated/customers.js",
];

describe("what a published package may hold", () => {
  it("accepts built code, docs, a changelog and the spec", () => {
    expect(packageContentProblems([...provider, "CHANGELOG.md"], { provider: true })).toEqual([]);
  });

  it("flags sources, tests and configs that slipped in", () => {
    expect(
      packageContentProblems([...provider, "src/index.ts", "test/contract.test.ts", "tsconfig.json"], {
        provider: true,
      }),
    ).toEqual([
      "src/index.ts should not be published",
      "test/contract.test.ts should not be published",
      "tsconfig.json should not be published",
    ]);
  });

  it("flags a provider package without its spec or build", () => {
    expect(packageContentProblems(["package.json", "README.md", "LICENSE"], { provider: true })).toEqual([
      "dist/index.js is missing from the package",
      "dist/index.d.ts is missing from the package",
      "openapi.yaml is missing from the package",
    ]);
  });

  it("does not ask the runtime for a spec", () => {
    expect(
      packageContentProblems(["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"], {
        provider: false,
      }),
    ).toEqual([]);
  });
});
