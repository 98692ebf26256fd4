import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { repoRoot } from "../../repo-root.js";

const scope = (JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { config: { scope: string } })
  .config.scope;

/** What a user installs beside the clients to test against mocks, at the versions the repo tests with. */
export async function mockKitPackages(): Promise<string[]> {
  const { devDependencies } = JSON.parse(
    await readFile(join(repoRoot, "packages/customers-mock/package.json"), "utf8"),
  ) as { devDependencies: Record<string, string> };
  return [
    `${scope}/customers-mock`,
    ...["vitest", "msw", "openapi-msw", "@types/node"].map((name) => `${name}@${devDependencies[name]}`),
  ];
}

/**
 * A user's tests of their own code against the mocks, per provider: the package's
 * `test/with-mock.test.ts` (in-process handlers with faults, the stateful server through the real
 * client) and the README's "Test your code against a mock" example saved as `<provider>.test.ts`,
 * each importing the installed packages.
 */
export async function mockTestFiles(providers: string[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const provider of providers) {
    const packageDir = join(repoRoot, "packages", `${provider}-customers`);
    const withMock = await readFile(join(packageDir, "test/with-mock.test.ts"), "utf8");
    expect(withMock).toContain('from "../src/index.js"');
    files[`${provider}.with-mock.test.ts`] = withMock.replace(
      'from "../src/index.js"',
      `from "${scope}/${provider}-customers"`,
    );
    const readme = await readFile(join(packageDir, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Test your code against a mock"));
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, `${provider}'s README has no "Test your code against a mock" example`).toBeDefined();
    expect(section).toContain(`save this as \`${provider}.test.ts\``);
    files[`${provider}.test.ts`] = example!;
  }
  return files;
}

export interface MockProcess {
  url: string;
  /** Sends SIGTERM and checks the command ends cleanly (exit 0, "stopped"). */
  stop(): Promise<void>;
}

/** `customers-mock <provider> --port 0` from the user's project, on the Node line its PATH names, once it says where it listens. */
export async function startMockCommand(
  app: string,
  provider: string,
  env: Record<string, string>,
): Promise<MockProcess> {
  const child = spawn(join(app, "node_modules/.bin/customers-mock"), [provider, "--port", "0"], {
    cwd: app,
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const closed = once(child, "close");
  const url = await new Promise<string>((ready, failed) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const found = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found && output.includes("Ctrl-C stops it.")) ready(found[1]!);
    });
    void closed.then(([code]) =>
      failed(new Error(`customers-mock ${provider} ended (${code}) before it listened:\n${output}`)),
    );
  });
  expect(output).toContain(`${scope}/${provider}-customers mock on ${url}`);
  expect(output).toContain(`client option: { baseUrl: "${url}" }`);
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const [code] = await closed;
      expect(code, output).toBe(0);
      expect(output).toContain("customers-mock stopped (SIGTERM)");
    },
  };
}
