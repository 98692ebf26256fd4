import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { providerSpecs } from "@org/prism-mock";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { NODE_LINES, nodeLineBin, pathWithNode, TOOLCHAIN_NODE_LINE } from "../../node-lines/node-line.js";
import { startRegistry, type RunningRegistry } from "../../registry/start-registry.js";
import { repoRoot } from "../../repo-root.js";
import { commitAll, repoBin, repoCopy, run } from "../repo-copy.js";
import { mockKitPackages, mockTestFiles, startMockCommand, type MockProcess } from "./user-project.js";

// The file's one test sets this: what it starts stops with it, should it time out.
let testSignal: AbortSignal | undefined;
const sh = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  run(command, args, cwd, env, testSignal);

const scope = (JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { config: { scope: string } })
  .config.scope;
let registry: RunningRegistry | undefined;
const mocks: MockProcess[] = [];
afterAll(async () => {
  await Promise.allSettled([registry?.stop(), ...mocks.map((mock) => mock.stop())]);
});

/**
 * Each provider's `test/consumer.ts` (what a user writes; see there), its import pointed at the
 * installed package, and a main that runs them all against their mocks.
 */
async function consumerFiles(providers: string[], urls: Record<string, string>): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const provider of providers) {
    const source = await readFile(join(repoRoot, "packages", `${provider}-customers`, "test/consumer.ts"), "utf8");
    expect(source).toContain('from "../src/index.js"');
    files[`${provider}.ts`] = source.replace('from "../src/index.js"', `from "${scope}/${provider}-customers"`);
  }
  files["main.ts"] = providers
    .map(
      (provider, index) =>
        `import { consume as consume${index} } from "./${provider}.js";\nawait consume${index}(${JSON.stringify(urls[provider])});\nconsole.log(${JSON.stringify(`${provider}: ok`)});\n`,
    )
    .join("");
  return files;
}

const compilerOptions = { strict: true, target: "ES2022", lib: ["ES2022", "DOM"], types: [], skipLibCheck: false };

/**
 * In a fresh project, as a user: npm install the clients and the mock kit from the registry,
 * strict tsc (with `typeCheck`: `moduleResolution` bundler and nodenext, and the user's tests;
 * without, on a further Node line, where tsc would only repeat itself, nodenext's emit alone);
 * start each provider's mock with the `customers-mock` command and call it with the consumer code,
 * then stop it with SIGTERM; then run the user's tests against the mocks (in-process handlers with
 * faults, the stateful server, each README's example) with vitest.
 */
async function expectConsumerToWork(
  app: string,
  providers: string[],
  env: Record<string, string>,
  typeCheck: boolean,
): Promise<void> {
  const node = (await sh("node", ["--version"], process.cwd(), env)).output.trim();
  await mkdir(app, { recursive: true });
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const packages = providers.map((provider) => `${scope}/${provider}-customers`);
  const install = await sh(
    "npm",
    // A further line's install takes the metadata the first one fetched, as a user's second project would.
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...(typeCheck ? [] : ["--prefer-offline"]),
      ...packages,
      ...(await mockKitPackages()),
      "typescript@5.9.3",
    ],
    app,
    env,
  );
  expect(install.code, `${node}: ${install.output.slice(-3000)}`).toBe(0);
  const running = await Promise.all(providers.map((provider) => startMockCommand(app, provider, env)));
  mocks.push(...running);
  const urls = Object.fromEntries(providers.map((provider, index) => [provider, running[index]!.url]));
  const files = await consumerFiles(providers, urls);
  for (const [name, source] of Object.entries(files)) await writeFile(join(app, name), source);
  await writeFile(
    join(app, "tsconfig.bundler.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: "ESNext", moduleResolution: "bundler", noEmit: true },
      files: Object.keys(files),
    }),
  );
  await writeFile(
    join(app, "tsconfig.nodenext.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: "NodeNext", moduleResolution: "NodeNext", outDir: "out" },
      files: Object.keys(files),
    }),
  );
  const tsc = (...args: string[]) => sh("node", [join(app, "node_modules/typescript/bin/tsc"), ...args], app, env);
  for (const args of typeCheck
    ? [
        ["-p", "tsconfig.bundler.json"],
        ["-p", "tsconfig.nodenext.json"],
      ]
    : [["-p", "tsconfig.nodenext.json", "--noCheck"]]) {
    const checked = await tsc(...args);
    expect(checked.output, `${node}: tsc ${args.join(" ")}`).toBe("");
    expect(checked.code).toBe(0);
  }
  const called = await sh("node", ["out/main.js"], app, env);
  expect(called.code, `${node}: ${called.output}`).toBe(0);
  expect(called.output, node).toBe(providers.map((provider) => `${provider}: ok\n`).join(""));
  for (const mock of running) await mock.stop();

  const tests = await mockTestFiles(providers);
  for (const [name, source] of Object.entries(tests)) await writeFile(join(app, name), source);
  if (typeCheck) {
    await writeFile(
      join(app, "tsconfig.tests.json"),
      JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          exactOptionalPropertyTypes: true,
          types: ["node"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          noEmit: true,
        },
        files: Object.keys(tests),
      }),
    );
    expect((await tsc("-p", "tsconfig.tests.json")).output, `${node}: the user's mock tests`).toBe("");
  }
  const tested = await sh(
    "node",
    [join(app, "node_modules/vitest/vitest.mjs"), "run", ...Object.keys(tests)],
    app,
    env,
  );
  expect(tested.code, `${node}: ${tested.output.slice(-4000)}`).toBe(0);
  expect(tested.output, node).toMatch(new RegExp(`Test Files\\s+${Object.keys(tests).length} passed`));
}

it(`publishes every package with the real \`pnpm release\` to a registry, from which users on Node ${TOOLCHAIN_NODE_LINE}, ${NODE_LINES.join(", ")} install, type-check and call them, and test their code against the mocks`, {
  // A hang guard, not a budget: four Node lines each install the clients and the mock kit and run their tests.
  timeout: 1_800_000,
}, async ({ signal }) => {
  testSignal = signal;
  const work = await testTempDir("release-");
  registry = await startRegistry(join(work, "registry"), scope);
  const npmrc = join(work, "npmrc");
  const host = registry.url.replace(/^http:/, "");
  await writeFile(npmrc, `${scope}:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  const env = { NPM_CONFIG_USERCONFIG: npmrc, npm_config_userconfig: npmrc };

  // The maintainer's path, in a copy of the repository: version, then release.
  const copy = await repoCopy("release-repo-");
  await commitAll(copy, "copy");
  const pnpm = repoBin("pnpm");
  expect(await sh(pnpm, ["install", "--prefer-offline", "--frozen-lockfile"], copy, env)).toMatchObject({ code: 0 });
  expect(await sh(pnpm, ["run", "version-packages"], copy, env)).toMatchObject({ code: 0 });
  const release = await sh(pnpm, ["run", "release"], copy, env);
  expect(release.output).toMatch(/published/i);
  expect(release.code, release.output.slice(-3000)).toBe(0);
  const providers = await providerSpecs(join(repoRoot, "specs"));
  for (const name of [
    "client-runtime",
    "customers-mock",
    ...providers.map((provider) => `${provider.provider}-customers`),
  ]) {
    const published = (await (await fetch(`${registry.url}${scope}%2f${name}`)).json()) as {
      "dist-tags"?: { latest?: string };
    };
    expect(published["dist-tags"]?.latest, name).toBe("0.1.0");
  }
  // Before any registry: `pnpm pack` tarballs (workspace: ranges replaced) install with npm alone.
  const tarballs = join(work, "tarballs");
  for (const name of [
    "client-runtime",
    "customers-mock",
    ...providers.map((provider) => `${provider.provider}-customers`),
  ]) {
    const packed = await sh(pnpm, ["pack", "--pack-destination", tarballs], join(copy, "packages", name));
    expect(packed.code, packed.output).toBe(0);
  }
  const offline = join(work, "app-tarballs");
  await mkdir(offline);
  await writeFile(join(offline, "package.json"), JSON.stringify({ name: "tarballs", private: true, type: "module" }));
  const fromTarballs = await sh(
    "npm",
    ["install", "--no-audit", "--no-fund", ...(await readdir(tarballs)).map((file) => join(tarballs, file))],
    offline,
  );
  expect(fromTarballs.code, fromTarballs.output.slice(-3000)).toBe(0);
  const modules = [
    `${scope}/customers-mock`,
    ...providers.map((provider) => `${scope}/${provider.provider}-customers`),
  ];
  const imported = await sh(
    "node",
    [
      "--input-type=module",
      "-e",
      `for (const name of ${JSON.stringify(modules)}) console.log(name, Object.keys(await import(name)).some((key) => /^(create\\w+Client|startMock)$/.test(key)));`,
    ],
    offline,
  );
  expect(imported.output).toBe(modules.map((name) => `${name} true\n`).join(""));

  // Nothing new to publish: a second release publishes nothing.
  expect((await sh(pnpm, ["exec", "changeset", "publish"], copy, env)).output).toMatch(
    /No unpublished projects to publish|already published/i,
  );

  // The user's path: a fresh project outside the workspace, on the toolchain's Node and on every other supported line.
  const names = providers.map((provider) => provider.provider);
  await expectConsumerToWork(join(work, `app-node-${TOOLCHAIN_NODE_LINE}`), names, env, true);
  // The other lines side by side, each in its own project; the types were checked above (tsc's
  // verdict does not depend on the Node line it runs on).
  await Promise.all(
    NODE_LINES.map(async (major) => {
      const PATH = pathWithNode(await nodeLineBin(major));
      expect((await sh("node", ["--version"], work, { PATH })).output).toMatch(new RegExp(`^v${major}\\.`));
      await expectConsumerToWork(join(work, `app-node-${major}`), names, { ...env, PATH }, false);
    }),
  );

  // A new minor of the shared runtime alone: on 0.x, `^0.1.0` does not take 0.2.0, so every
  // client is released again (a patch) depending on `^0.2.0`.
  const commit = (message: string) =>
    sh("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", message], copy);
  expect((await sh("git", ["add", "-A"], copy)).code).toBe(0);
  await commit("release 0.1.0");
  await writeFile(
    join(copy, ".changeset/runtime-fix.md"),
    `---\n"${scope}/client-runtime": minor\n---\n\nA new feature.\n`,
  );
  expect(await sh(pnpm, ["run", "version-packages"], copy, env)).toMatchObject({ code: 0 });
  const [client, other] = [names[0]!, names.at(-1)!];
  const clientManifest = JSON.parse(
    await readFile(join(copy, `packages/${client}-customers/package.json`), "utf8"),
  ) as { version: string };
  expect(clientManifest.version).toBe("0.1.1");
  expect(await readFile(join(copy, `packages/${client}-customers/CHANGELOG.md`), "utf8")).toMatch(
    /Updated dependencies[\s\S]*client-runtime@0\.2\.0/,
  );
  await sh("git", ["add", "-A"], copy);
  await commit("release runtime 0.2.0");
  expect((await sh(pnpm, ["run", "release"], copy, env)).code).toBe(0);
  const clientOnRegistry = (await (await fetch(`${registry.url}${scope}%2f${client}-customers`)).json()) as {
    "dist-tags": { latest: string };
    versions: Record<string, { dependencies: Record<string, string> }>;
  };
  expect(clientOnRegistry["dist-tags"].latest).toBe("0.1.1");
  expect(clientOnRegistry.versions["0.1.1"]!.dependencies[`${scope}/client-runtime`]).toBe("^0.2.0");

  // A snapshot: published under its own dist-tag, `latest` untouched.
  await writeFile(
    join(copy, ".changeset/try-this.md"),
    `---\n"${scope}/${other}-customers": minor\n---\n\nSomething to try.\n`,
  );
  const snapshot = await sh(pnpm, ["run", "release:snapshot"], copy, env);
  expect(snapshot.code, snapshot.output.slice(-3000)).toBe(0);
  const otherOnRegistry = (await (await fetch(`${registry.url}${scope}%2f${other}-customers`)).json()) as {
    "dist-tags": Record<string, string>;
  };
  expect(otherOnRegistry["dist-tags"].latest).toBe("0.1.1");
  expect(otherOnRegistry["dist-tags"].preview).toMatch(/^0\.0\.0-preview-\d+/);
});
