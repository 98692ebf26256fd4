import { stripVTControlCharacters } from "node:util";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { copyRepoFiles } from "../repo-files.js";
import { repoRoot } from "../repo-root.js";
import { round } from "./measure.js";

export interface ScaleResult {
  providers: number;
  operations: number;
  coldSeconds: number;
  noOpSeconds: number;
  noOpCached: string;
  oneSpecEditSeconds: number;
  oneSpecEditExecuted: number;
}

const PATH = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((entry) => isAbsolute(entry))
  .join(delimiter);

/** The scaffolded contract test calls every operation of its spec: add the synthetic ones. */
async function addThingCalls(testFile: string, operations: number): Promise<void> {
  const text = await readFile(testFile, "utf8");
  const anchor = "      getCustomer: (client, headers) => client.getCustomer({ customer_id: 1 }, { headers }),\n";
  if (!text.includes(anchor))
    throw new Error(`${testFile} no longer has the scaffold's getCustomer call; update codegen-scale.ts.`);
  const calls = Array.from(
    { length: operations },
    (_, index) => `      getThing${index}: (client, headers) => client.getThing${index}({ id: "a" }, { headers }),\n`,
  ).join("");
  await writeFile(testFile, text.replace(anchor, anchor + calls));
}

/** A spec with `operations` GET operations, each with its own response schema and example. */
function syntheticSpec(slug: string, operations: number, port: number): string {
  const paths = Array.from(
    { length: operations },
    (_, index) => `  /things${index}/{id}:
    get:
      operationId: getThing${index}
      summary: Get thing ${index}
      tags: [things]
      parameters:
        - { name: id, in: path, required: true, schema: { type: string }, example: "a" }
      responses:
        "200":
          description: A thing.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing${index}" }
              examples: { one: { value: { id: "a", count: ${index} } } }`,
  ).join("\n");
  const schemas = Array.from(
    { length: operations },
    (_, index) => `    Thing${index}:
      type: object
      properties: { id: { type: string }, count: { type: integer }, label: { type: string } }`,
  ).join("\n");
  return `openapi: 3.1.0
info: { title: ${slug}, version: "1", license: { name: MIT, identifier: MIT } }
x-mock-port: ${port}
servers: [{ url: "https://${slug}.example" }]
security: [{ bearerAuth: [] }]
tags: [{ name: things }]
paths:
  /customers:
    get:
      operationId: listCustomers
      summary: List customers
      tags: [things]
      responses:
        "200":
          description: Every customer.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/CustomerList" }
              examples: { customers: { value: { customers: [{ id: 1, name: "Example Ltd" }] } } }
  /customers/{customer_id}:
    get:
      operationId: getCustomer
      summary: Get a customer
      tags: [things]
      parameters:
        - { name: customer_id, in: path, required: true, schema: { type: integer }, example: 1 }
      responses:
        "200":
          description: The customer.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Customer" }
              examples: { customer: { value: { id: 1, name: "Example Ltd" } } }
${paths}
components:
  securitySchemes: { bearerAuth: { type: http, scheme: bearer } }
  schemas:
    Customer: { type: object, properties: { id: { type: integer }, name: { type: string } } }
    CustomerList: { type: object, required: [customers], properties: { customers: { type: array, items: { $ref: "#/components/schemas/Customer" } } } }
${schemas}
`;
}

function turbo(workspace: string, args: string[]): { seconds: number; output: string } {
  const started = performance.now();
  const run = spawnSync(
    join(workspace, "node_modules/.bin/turbo"),
    ["run", "generate", "build", "typecheck", ...args],
    {
      cwd: workspace,
      encoding: "utf8",
      env: { ...process.env, PATH, TURBO_TELEMETRY_DISABLED: "1" },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`turbo failed in ${workspace}:\n${(run.stdout + run.stderr).slice(-3000)}`);
  return { seconds: round((performance.now() - started) / 1000, 1), output: stripVTControlCharacters(run.stdout) };
}

/**
 * Generate + build + typecheck for `providers` synthetic providers of `operations` operations
 * each, in a scratch copy of the repo: cold, an unchanged rerun, and after editing one spec.
 */
export async function measureCodegenScale(providers: number, operations: number): Promise<ScaleResult> {
  const workspace = await mkdtemp(join(tmpdir(), "codegen-scale-"));
  try {
    copyRepoFiles(workspace);
    for (const provider of await readdir(join(workspace, "specs"))) {
      await rm(join(workspace, "specs", provider), { recursive: true });
      await rm(join(workspace, "packages", `${provider}-customers`), { recursive: true });
    }
    const tsx = join(repoRoot, "node_modules/.bin/tsx");
    for (let index = 0; index < providers; index++) {
      execFileSync(tsx, ["scripts/new-provider.ts", `synthetic${index}`, "--no-install"], {
        cwd: workspace,
        stdio: "ignore",
      });
      await writeFile(
        join(workspace, `specs/synthetic${index}/customers.yaml`),
        syntheticSpec(`synthetic${index}`, operations, 5000 + index),
      );
      await addThingCalls(join(workspace, `packages/synthetic${index}-customers/test/contract.test.ts`), operations);
    }
    const pnpm = join(repoRoot, "node_modules/.bin/pnpm");
    execFileSync(pnpm, ["install", "--prefer-offline", "--no-frozen-lockfile"], {
      cwd: workspace,
      stdio: "ignore",
      env: { ...process.env, PATH },
    });
    // Fill the new READMEs' generated tables once, as a committed repo has them; else the first
    // runs would see their own README output as a changed input.
    execFileSync(pnpm, ["--recursive", "--filter=./packages/synthetic*", "run", "generate"], {
      cwd: workspace,
      stdio: "ignore",
      env: { ...process.env, PATH },
    });
    await rm(join(workspace, ".turbo"), { recursive: true, force: true });
    const cold = turbo(workspace, ["--filter=./packages/synthetic*"]);
    const noOp = turbo(workspace, ["--filter=./packages/synthetic*"]);
    await writeFile(
      join(workspace, "specs/synthetic0/customers.yaml"),
      syntheticSpec("synthetic0", operations, 5000).replace("Get thing 0", "Get thing zero"),
    );
    const edit = turbo(workspace, ["--filter=./packages/synthetic*"]);
    const cachedLine = /Cached:\s+(\d+) cached, (\d+) total/.exec(noOp.output);
    const editLine = /Cached:\s+(\d+) cached, (\d+) total/.exec(edit.output);
    return {
      providers,
      operations,
      coldSeconds: cold.seconds,
      noOpSeconds: noOp.seconds,
      noOpCached: cachedLine ? `${cachedLine[1]}/${cachedLine[2]}` : "?",
      oneSpecEditSeconds: edit.seconds,
      oneSpecEditExecuted: editLine ? Number(editLine[2]) - Number(editLine[1]) : Number.NaN,
    };
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

/** The exponent k of time ≈ c·(N×M)^k, fitted by least squares on logarithms: k ≤ 1 is linear or better. */
export function scalingExponent(results: readonly ScaleResult[]): number {
  const points = results.map(
    (result) => [Math.log(result.providers * result.operations), Math.log(result.coldSeconds)] as const,
  );
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return round(covariance / variance, 2);
}
