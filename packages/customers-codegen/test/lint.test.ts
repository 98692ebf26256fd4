import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { describe, expect, it } from "vitest";

const bin = join(import.meta.dirname, "../bin/customers-codegen.js");
const fixture = join(import.meta.dirname, "fixtures/valid-spec.yaml");

function lint(spec: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, "lint", spec], { encoding: "utf8" }, (error, stdout, stderr) =>
      done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// `customers-codegen lint` is each spec package's `lint:spec` task, which every client's generate
// task waits for.
describe("customers-codegen lint", () => {
  it("passes a spec that keeps the house rules", async () => {
    expect(await lint(fixture)).toMatchObject({ status: 0, stdout: `lint: ${fixture} keeps the house rules\n` });
  });

  it.concurrent.for([
    [
      "a summary on every operation",
      "      summary: List customers\n",
      "",
      /Operation object should contain `summary` field\..*\[operation-summary\]$/m,
    ],
    [
      "a tag on every operation",
      "      summary: List customers\n      tags: [customers]\n",
      "      summary: List customers\n",
      /Every operation needs at least one tag.*\[rule\/operation-tags\]$/m,
    ],
    [
      "an example on every response",
      "              examples:\n                customer:\n                  value:\n                    id: 1\n                    name: Example Ltd\n",
      "",
      /Every response body needs an example.*\[rule\/response-examples\]$/m,
    ],
    [
      "security on every operation",
      "security:\n  - bearerAuth: []\n",
      "",
      /Every operation should have security defined.*\[security-defined\]$/m,
    ],
  ] as const)(
    "holds a spec to the house rules: %s, naming the file and the line",
    async ([, removed, replacement, message], { onTestFinished }) => {
      const spec = join(await testTempDir("house-rules-", onTestFinished), "customers.yaml");
      const text = await readFile(fixture, "utf8");
      expect(text).toContain(removed);
      await writeFile(spec, text.replace(removed, replacement));
      const run = await lint(spec);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`lint: ${spec} breaks the house rules:`);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/customers\.yaml:\d+:\d+: /);
    },
  );
});
