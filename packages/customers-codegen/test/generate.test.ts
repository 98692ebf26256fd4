import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileTempDir, testTempDir } from "@org/prism-mock/test-temp-dir";
import { beforeAll, describe, expect, it, type TestContext } from "vitest";
import { loadSpec } from "../src/load-spec.js";
import { listOperations } from "../src/render-operations.js";
import { MODELS_END, MODELS_START } from "../src/render-readme-models.js";
import { README_END, README_START } from "../src/render-readme-operations.js";
import { SpecError } from "../src/spec-error.js";

const bin = join(import.meta.dirname, "../bin/customers-codegen.js");
const badSpecs = join(import.meta.dirname, "bad-specs");
const fixtureSpec = join(import.meta.dirname, "fixtures/valid-spec.yaml");
const generatedFiles = ["src/generated/customers.ts", "src/generated/operations.ts", "openapi.yaml", "README.md"];

/** Each spec under test/bad-specs, and the problem generate must report for it. */
const BAD_SPECS: Record<string, RegExp> = {
  "yaml-syntax-error.yaml": /bad-specs\/yaml-syntax-error\.yaml:9:1: YAML syntax error: unexpected end of the stream/,
  "dangling-ref.yaml": /dangling-ref\.yaml:15:\d+: Can't resolve \$ref .*\[no-unresolved-refs\]/,
  "duplicate-operation-id.yaml":
    /duplicate-operation-id\.yaml:14:\d+: Every operation must have a unique `operationId`.*\[operation-operationId-unique\]/,
  "missing-operation-id.yaml":
    /missing-operation-id\.yaml:7:\d+: Operation object should contain `operationId` field.*\[operation-operationId\]/,
  "undeclared-path-parameter.yaml":
    /undeclared-path-parameter\.yaml:7:\d+: The operation does not define the path parameter `\{thing_id\}`.*\[path-parameters-defined\]/,
  "invalid-schema-type.yaml": /invalid-schema-type\.yaml:15:\d+: `type` can be one of the following only.*\[struct\]/,
  "empty.yaml": /empty\.yaml:1:1: the file is empty/,
  "not-openapi.yaml": /not-openapi\.yaml:1:1: not an OpenAPI document/,
  "swagger-2.yaml": /swagger-2\.yaml:1:1: expected an OpenAPI 3\.1 document/,
  "no-such-file.yaml": /no-such-file\.yaml: cannot read the spec: ENOENT/,
};

/**
 * A sample client package and its spec, laid out as in the repo (packages/sample-customers,
 * specs/sample), generated once for the file (a generate run takes seconds).
 */
const sampleRoot = fileTempDir("generate-sample-");
let generated: { root: string; dir: string; spec: string };
beforeAll(async () => {
  const root = sampleRoot();
  generated = { root, dir: "packages/sample-customers", spec: "specs/sample/customers.yaml" };
  await mkdir(join(root, "specs/sample"), { recursive: true });
  await cp(fixtureSpec, join(root, generated.spec));
  await mkdir(join(root, generated.dir), { recursive: true });
  await writeFile(
    join(root, generated.dir, "package.json"),
    JSON.stringify({ name: "@org/sample-customers", version: "0.1.0" }),
  );
  await writeFile(
    join(root, generated.dir, "README.md"),
    `# @org/sample-customers\n\n${README_START}\n${README_END}\n\n${MODELS_START}\n${MODELS_END}\n`,
  );
  const first = await generate(join(root, generated.dir), join(root, generated.spec));
  expect(first, first.stderr).toMatchObject({ status: 0, stdout: `generate: wrote ${generatedFiles.join(", ")}\n` });
});

/** A test's own copy of the generated sample: its package folder and its spec. */
async function scratchPackage(onFinished?: TestContext["onTestFinished"]): Promise<{ dir: string; spec: string }> {
  const root = await testTempDir("generate-", onFinished);
  await cp(generated.root, root, { recursive: true });
  return { dir: join(root, generated.dir), spec: join(root, generated.spec) };
}

function generate(packageDir: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: packageDir, encoding: "utf8" }, (error, stdout, stderr) =>
      done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function snapshot(packageDir: string): Promise<string[]> {
  return Promise.all(generatedFiles.map((file) => readFile(join(packageDir, file), "utf8")));
}

describe("pnpm generate", () => {
  it("is idempotent: a second run finds the files up to date and leaves them as they were", async () => {
    const { dir, spec } = await scratchPackage();
    const before = await snapshot(dir);
    expect(await generate(dir, spec)).toMatchObject({ status: 0, stdout: "generate: up to date\n" });
    expect(await snapshot(dir)).toEqual(before);
  });

  it("leaves openapi.yaml, a build artifact git ignores, out of --check: a fresh clone has none until generate", async () => {
    const { dir, spec } = await scratchPackage();
    await rm(join(dir, "openapi.yaml"));
    expect(await generate(dir, spec, "--check")).toMatchObject({ status: 0 });
    expect(await generate(dir, spec)).toMatchObject({ status: 0, stdout: "generate: wrote openapi.yaml\n" });
    expect(await readFile(join(dir, "openapi.yaml"), "utf8")).toBe(await readFile(spec, "utf8"));
  });

  it("restores a hand-edited generated file, and --check reports the drift without writing", async () => {
    const { dir, spec } = await scratchPackage();
    const types = join(dir, "src/generated/customers.ts");
    const committed = await readFile(types, "utf8");
    expect(committed).toContain("name: string;");
    await writeFile(types, committed.replace("name: string;", "nme: string;"));
    const check = await generate(dir, spec, "--check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("src/generated/customers.ts differ from what");
    expect(await readFile(types, "utf8")).not.toBe(committed);
    expect(await generate(dir, spec)).toMatchObject({
      status: 0,
      stdout: "generate: wrote src/generated/customers.ts\n",
    });
    expect(await readFile(types, "utf8")).toBe(committed);
  });

  it.concurrent.for(["yaml-syntax-error.yaml", "dangling-ref.yaml"])(
    "stops on %s with the problem and its place, and leaves the generated files as they were",
    async (file, { onTestFinished }) => {
      const { dir } = await scratchPackage(onTestFinished);
      const before = await snapshot(dir);
      const run = await generate(dir, join(badSpecs, file));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `generate: ${join(badSpecs, file)} is not a usable spec; the generated files were left as they were.`,
      );
      expect(run.stderr).toMatch(BAD_SPECS[file]!);
      expect(await snapshot(dir)).toEqual(before);
    },
  );
});

// Each broken spec's message, from the validation generate runs first (in-process: a generate
// process takes seconds, and the tests above show that its stderr is this message).
describe("a broken spec", () => {
  it.for(Object.entries(BAD_SPECS))("%s is refused, naming the file and the place", async ([file, message]) => {
    const error = await loadSpec(join(badSpecs, file)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(message);
  });

  it("has an expected message for every file under test/bad-specs", async () => {
    const files = await readdir(badSpecs);
    expect(
      Object.keys(BAD_SPECS)
        .filter((file) => file !== "no-such-file.yaml")
        .sort(),
    ).toEqual(files.sort());
  });
});

describe("the operation list", () => {
  it("carries a form body's field encodings from the spec's `encoding`, for the runtime's form encoder", async () => {
    const spec = join(await testTempDir("form-spec-"), "form.yaml");
    await writeFile(
      spec,
      `openapi: 3.1.0
info: { title: Form, version: "1" }
servers: [{ url: https://api.example.com }]
security: [{ token: [] }]
components: { securitySchemes: { token: { type: http, scheme: bearer } } }
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object, properties: { tags: { type: array, items: { type: string } }, metadata: { type: object } } }
            encoding:
              tags: { style: form, explode: false }
              metadata: { style: deepObject, explode: true }
              plain: { contentType: text/plain }
      responses: { "200": { description: ok } }
`,
    );
    const [operation] = listOperations(await loadSpec(spec));
    expect(operation).toMatchObject({
      requestMediaType: "application/x-www-form-urlencoded",
      requestEncoding: { tags: { style: "form", explode: false }, metadata: { style: "deepObject", explode: true } },
    });
    expect(operation!.requestEncoding).not.toHaveProperty("plain");
  });
});
