import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { providerSpecs } from "@org/prism-mock";
import { repoRoot } from "../repo-root.js";
import { repoBin } from "./repo-copy.js";

const [first] = await providerSpecs(join(repoRoot, "specs"));
const url = `http://127.0.0.1:${first!.port}`;

/** `pnpm mock <first provider>` as a maintainer starts it: in a process group of its own, like a terminal's job. */
async function startMockCommand(): Promise<{ wrapper: ChildProcess; output: () => string }> {
  const wrapper = spawn(repoBin("pnpm"), ["mock", first!.provider], { cwd: repoRoot, detached: true });
  let output = "";
  wrapper.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  wrapper.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  onTestFinished(() => {
    try {
      process.kill(-wrapper.pid!, "SIGKILL");
    } catch {
      // the group is gone already
    }
  });
  await expect.poll(() => output, { timeout: 30_000 }).toContain("Ctrl-C stops them");
  return { wrapper, output: () => output };
}

const answers = () => fetch(url).then(
  () => true,
  () => false,
);

describe("pnpm mock", () => {
  it("serves the named provider on its fixed port, prints the table and stops on Ctrl-C with exit 0", { timeout: 60_000 }, async () => {
    const { wrapper, output } = await startMockCommand();
    expect(output()).toMatch(new RegExp(`provider\\s+URL\\n${first!.provider}\\s+http://127\\.0\\.0\\.1:${first!.port}\\n`));
    expect(await answers()).toBe(true);
    process.kill(-wrapper.pid!, "SIGINT");
    const [code] = await once(wrapper, "exit");
    expect(output()).toContain("Prism mocks stopped (SIGINT).");
    expect(output()).not.toContain("ELIFECYCLE");
    expect(code).toBe(0);
    expect(await answers()).toBe(false);
  });

  it("stops the mocks and exits 0 when the wrapper alone gets SIGTERM", { timeout: 60_000 }, async () => {
    const { wrapper, output } = await startMockCommand();
    wrapper.kill("SIGTERM");
    const [code] = await once(wrapper, "exit");
    expect(output()).toContain("Prism mocks stopped (SIGTERM).");
    expect(code).toBe(0);
    expect(await answers()).toBe(false);
  });

  it("stops the mocks when its terminal hangs up (SIGHUP to the job)", { timeout: 60_000 }, async () => {
    const { wrapper } = await startMockCommand();
    process.kill(-wrapper.pid!, "SIGHUP");
    await once(wrapper, "exit");
    await expect.poll(answers, { timeout: 10_000 }).toBe(false);
  });

  it.each(["SIGKILL", "SIGHUP"] as const)("leaves no Prism behind when the wrapper alone dies of %s, which it does not relay", { timeout: 60_000 }, async (signal) => {
    const { wrapper } = await startMockCommand();
    wrapper.kill(signal);
    await once(wrapper, "exit");
    await expect.poll(answers, { timeout: 10_000 }).toBe(false);
  });

  it("refuses an unknown provider and lists the known ones", async () => {
    const child = spawn(repoBin("tsx"), [join(repoRoot, "scripts/mock.ts"), "no-such-provider"], { cwd: repoRoot });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(errors).toMatch(new RegExp(`pnpm mock: no spec for no-such-provider; the providers are ([a-z0-9-]+, )*${first!.provider}\\b`));
  });
});
