import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../repo-root.js";
import { repoBin, repoCopy, run } from "../repo-copy.js";

const TOKEN = "team-cache-token";
let server: ChildProcess | undefined;
let api = "";
let storage = "";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// A real self-hosted turbo cache (turborepo-remote-cache) on loopback, with local storage.
beforeAll(async () => {
  const port = await freePort();
  storage = await mkdtemp(join(tmpdir(), "turbo-cache-"));
  server = spawn(process.execPath, [join(repoRoot, "node_modules/turborepo-remote-cache/dist/cli.js")], {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      STORAGE_PROVIDER: "local",
      STORAGE_PATH_USE_TMP_FOLDER: "false",
      STORAGE_PATH: storage,
      TURBO_TOKEN: TOKEN,
      LOG_LEVEL: "error",
    },
    stdio: "ignore",
  });
  api = `http://127.0.0.1:${port}`;
  for (let tries = 0; (await fetch(`${api}/v8/artifacts/status`).catch(() => undefined))?.status !== 200; tries++) {
    if (tries > 300) throw new Error(`the turbo cache server at ${api} did not start`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
});
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill();
    await once(server, "exit");
  }
  if (storage) await rm(storage, { recursive: true, force: true, maxRetries: 3 });
});

const cacheEnv = (token = TOKEN) => ({ TURBO_API: api, TURBO_TOKEN: token, TURBO_TEAM: "customers" });

async function installedCopy(): Promise<string> {
  const copy = await repoCopy("remote-cache-");
  expect((await run(repoBin("pnpm"), ["install", "--prefer-offline", "--frozen-lockfile"], copy)).code).toBe(0);
  return copy;
}

describe("the shared turbo cache", () => {
  it("lets a second clean clone take every build task from the cache another clone filled", {
    timeout: 600_000,
  }, async () => {
    const first = await installedCopy();
    const filled = await run(join(first, "node_modules/.bin/turbo"), ["run", "build"], first, cacheEnv());
    expect(filled.code, filled.output.slice(-2000)).toBe(0);
    expect(filled.output).toMatch(/Cached:\s+0 cached/);

    const second = await installedCopy();
    const reused = await run(join(second, "node_modules/.bin/turbo"), ["run", "build"], second, cacheEnv());
    expect(reused.code).toBe(0);
    const [, cached, total] = /Cached:\s+(\d+) cached, (\d+) total/.exec(reused.output)!;
    expect(Number(total)).toBeGreaterThan(0);
    expect(cached).toBe(total);
    expect(reused.output).toContain("FULL TURBO");

    // With a wrong token turbo still succeeds, reusing nothing and saying so only in its log…
    const refused = await run(
      join(second, "node_modules/.bin/turbo"),
      ["run", "build", "--cache=remote:r"],
      second,
      cacheEnv("wrong-token"),
    );
    expect(refused.code).toBe(0);
    expect(refused.output).toMatch(/Cached:\s+0 cached/);
  });

  it("…so remote-cache:check reports a refused token, and accepts the right one", async () => {
    const script = join(repoRoot, "scripts/check-remote-cache.ts");
    const wrong = await run(repoBin("tsx"), [script], repoRoot, cacheEnv("wrong-token"));
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(`the shared cache at ${api} refused TURBO_TOKEN (HTTP 401)`);
    expect(await run(repoBin("tsx"), [script], repoRoot, cacheEnv())).toMatchObject({ code: 0 });
    const unset = await run(repoBin("tsx"), [script], repoRoot, { TURBO_API: "" });
    expect(unset.output).toContain("no TURBO_API set");
  });
});
