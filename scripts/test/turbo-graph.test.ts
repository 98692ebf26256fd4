import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import ts from "typescript";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fileTempDir } from "@org/prism-mock/test-temp-dir";
import { copyRepoFiles } from "../repo-files.js";
import { repoRoot } from "../repo-root.js";
import { lanes } from "../vitest.config.js";
import { commitAll } from "./repo-copy.js";
import { writeSampleProvider } from "./sample-provider.js";

interface DryRunTask {
  taskId: string;
  hash: string;
  dependencies: string[];
  command: string;
}

/** A package without the task's script still appears in a dry run, as `<NONEXISTENT>`; it runs nothing. */
const NONEXISTENT = "<NONEXISTENT>";

const ROOT_TASKS = [
  "//#test:scripts",
  "//#test:repo",
  "//#test:e2e",
  "//#typecheck:scripts",
  "//#lint:repo",
  "//#lint:format",
];

// The probes below add files and touch the lockfile: in a committed copy of the repo, so that
// the tests running beside these (which copy the repo too) never see them. The copy gets a
// scaffolded sample provider, whose tasks are probed whichever providers the repo has.
const copyDir = fileTempDir("turbo-graph-");
let workspace = "";
let providerPackage = "";
beforeAll(async () => {
  workspace = copyDir();
  copyRepoFiles(workspace);
  providerPackage = (await writeSampleProvider(workspace)).packageName;
  await commitAll(workspace, "copy");
});

interface DryRun {
  tasks: DryRunTask[];
  globalCacheInputs: { environmentVariables: { passthrough: string[] | null } };
}

function dryRunJson(env: Record<string, string> = {}): Promise<DryRun> {
  return new Promise((done, fail) => {
    execFile(
      join(repoRoot, "node_modules/.bin/turbo"),
      ["run", "generate", "build", "typecheck", "test", "lint", ...ROOT_TASKS, "--dry=json"],
      { cwd: workspace, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? fail(error) : done(JSON.parse(stdout) as DryRun)),
    );
  });
}

function dryRun(): Promise<DryRunTask[]> {
  return dryRunJson().then(({ tasks }) => {
    const real = new Set(tasks.filter((task) => task.command !== NONEXISTENT).map((task) => task.taskId));
    return tasks
      .filter((task) => real.has(task.taskId))
      .map((task) => ({ ...task, dependencies: task.dependencies.filter((id) => real.has(id)) }));
  });
}

const hashes = (tasks: DryRunTask[]) => new Map(tasks.map((task) => [task.taskId, task.hash]));

/**
 * The tasks whose cache key changes while `file` (inside the repo) is there, or, when it is
 * there already, while a line is added to it.
 */
async function tasksKeyedOn(file: string): Promise<string[]> {
  const before = hashes(await dryRun());
  const probe = join(workspace, file);
  const original = await readFile(probe, "utf8").catch(() => undefined);
  let after: Map<string, string>;
  try {
    await mkdir(dirname(probe), { recursive: true });
    await writeFile(probe, `${original ?? ""}# ${Date.now()}\n`);
    after = hashes(await dryRun());
  } finally {
    if (original === undefined) await rm(probe, { force: true });
    else await writeFile(probe, original);
  }
  return [...before.keys()].filter((task) => before.get(task) !== after.get(task)).sort();
}

describe("the turbo task graph", () => {
  it("runs generate after its spec's lint and before build, and typecheck and test after generate and the dependencies' builds", async () => {
    const tasks = new Map((await dryRun()).map((task) => [task.taskId, task.dependencies]));
    expect(tasks.get(`${providerPackage}#generate`)).toEqual(["@org/sample-spec#lint:spec"]);
    expect(tasks.get(`${providerPackage}#build`)).toEqual(
      expect.arrayContaining([`${providerPackage}#generate`, "@org/client-runtime#build"]),
    );
    expect(tasks.get(`${providerPackage}#test`)).toEqual(
      expect.arrayContaining([`${providerPackage}#generate`, "@org/client-runtime#build"]),
    );
    expect(tasks.get(`${providerPackage}#typecheck`)).toEqual(
      expect.arrayContaining([`${providerPackage}#generate`, "@org/client-runtime#build"]),
    );
    expect(tasks.get(`${providerPackage}#lint`)).toContain(`${providerPackage}#build`);
  });

  it("starts the root tasks that read a package's dist/ only after that package's build", async () => {
    const tasks = new Map((await dryRun()).map((task) => [task.taskId, task.dependencies]));
    // The README examples compile against the runtime's types.
    expect(tasks.get("//#test:repo")).toContain("@org/client-runtime#build");
    // The tooling's tests build what they test in scratch folders of their own.
    expect(tasks.get("//#test:scripts")).toEqual([]);
    // The bundle budget (size-limit, the bench package's lint) and the bench's types read every client's dist/.
    for (const task of ["@org/bench#lint", "@org/bench#typecheck"])
      expect(tasks.get(task)).toEqual(
        expect.arrayContaining(
          ["fastly", "koronacloud", "cybersource", "cloudlx"].map((provider) => `@org/${provider}-customers#build`),
        ),
      );
  });

  it("keys each scripts lane on its own folder, not on the others'", async () => {
    const turbo = JSON.parse(await readFile(join(repoRoot, "turbo.json"), "utf8")) as {
      tasks: Record<string, { inputs: string[] }>;
    };
    const excluded = (task: string) =>
      turbo.tasks[task]!.inputs.filter((input) => input.startsWith("!"))
        .map((input) => input.slice(1))
        .sort();
    expect(excluded("//#test:scripts")).toEqual([`${lanes.e2e}/**`, `${lanes.repo}/**`]);
    expect(excluded("//#test:repo")).toEqual([`${lanes.e2e}/**`]);
    // The end-to-end tests run the tooling in copies of the repository, never the repo lane's checks.
    expect(excluded("//#test:e2e")).toEqual([`${lanes.repo}/**`]);
  });

  it("type-checks scripts/ without any package's dist/, so it needs no build first", () => {
    // The compiler is shown a repo in which no package has been built yet.
    const hidden = (path: string) => /[\\/]packages[\\/][^\\/]+[\\/]dist([\\/]|$)/.test(path);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(repoRoot, "scripts/tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const host = ts.createCompilerHost(config.options);
    const [fileExists, readFile, directoryExists] = [
      host.fileExists.bind(host),
      host.readFile.bind(host),
      host.directoryExists!.bind(host),
    ];
    host.fileExists = (path) => !hidden(path) && fileExists(path);
    host.readFile = (path) => (hidden(path) ? undefined : readFile(path));
    host.directoryExists = (path) => !hidden(path) && directoryExists(path);
    const program = ts.createProgram(config.fileNames, config.options, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map(
        (diagnostic) =>
          `${diagnostic.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`,
      );
    expect(problems).toEqual([]);
  });

  it("re-runs only the provider's tasks and the checks of the repository as it stands when its spec changes", async () => {
    expect(hashes(await dryRun())).toEqual(hashes(await dryRun()));
    const changed = await tasksKeyedOn("specs/sample/customers.yaml");
    // The spec is the workspace package @org/sample-spec: its own lint, then the client's tasks.
    expect(changed.filter((task) => !task.startsWith(`${providerPackage}#`))).toEqual([
      "//#lint:repo",
      "//#test:repo",
      "@org/sample-spec#lint:spec",
    ]);
    expect(changed).toEqual(
      expect.arrayContaining(
        ["build", "generate", "lint", "test", "typecheck"].map((task) => `${providerPackage}#${task}`),
      ),
    );
  });

  it("keys no task on what a run writes into a spec package (turbo's logs, the linked generator)", async () => {
    expect(await tasksKeyedOn("specs/sample/.turbo/turbo-lint$colon$spec.log")).toEqual([]);
    expect(await tasksKeyedOn("specs/sample/node_modules/@org/customers-codegen/.turbo/turbo-test.log")).toEqual([]);
  });

  it("keys the root tasks on what they read: the runtime's source reaches every task that reads it, its dist/ or a copy", async () => {
    const changed = await tasksKeyedOn("packages/client-runtime/src/.turbo-scope-probe");
    // The tooling's tests read the runtime's source (the types judge compiles against its client types).
    expect(changed).toEqual(expect.arrayContaining(["//#test:repo", "//#test:e2e", "//#test:scripts"]));
    expect(changed).not.toContain("//#typecheck:scripts");
  });

  it("hands every task the machine's proxy and CA settings (turbo's strict mode drops the rest), so npm in a test reaches the registry", async () => {
    const network = {
      NODE_EXTRA_CA_CERTS: "/etc/ssl/certs/proxy-ca.pem",
      HTTPS_PROXY: "http://proxy.example:3128",
      NO_PROXY: "127.0.0.1,localhost",
    };
    const { globalCacheInputs } = await dryRunJson(network);
    const passed = (globalCacheInputs.environmentVariables.passthrough ?? []).map((entry) => entry.split("=")[0]);
    expect(passed).toEqual(expect.arrayContaining(Object.keys(network)));
  });

  it("re-runs every root task after a lockfile change", async () => {
    const lockfile = join(workspace, "pnpm-lock.yaml");
    const text = await readFile(lockfile, "utf8");
    const before = hashes(await dryRun());
    let after: Map<string, string>;
    try {
      await writeFile(lockfile, `${text}\n`);
      after = hashes(await dryRun());
    } finally {
      await writeFile(lockfile, text);
    }
    for (const task of ROOT_TASKS) expect(after.get(task), task).not.toBe(before.get(task));
  });
});
