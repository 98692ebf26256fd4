import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { providerSpecs } from "@org/prism-mock";
import { repoRoot } from "../../repo-root.js";
import { repoBin } from "../repo-copy.js";

const [first] = await providerSpecs(join(repoRoot, "specs"));
const url = `http://127.0.0.1:${first!.port}`;

// CI runs this lane beside a release through a registry and clean-clone builds on two cores,
// where loading tsx and Prism has taken over 30 s (2.7 s on an idle machine).
const READY_WITHIN_MS = 180_000;
const TEST_TIMEOUT_MS = 240_000;
const STOPPED_WITHIN_MS = 60_000;

/** `pnpm mock <first provider>` as a maintainer starts it: in a process group of its own, like a terminal's job. */
async function startMockCommand(): Promise<{ wrapper: ChildProcess; output: () => string }> {
  const wrapper = spawn(repoBin("pnpm"), ["mock", first!.provider], { cwd: repoRoot, detached: true });
  onTestFinished(() => {
    try {
      process.kill(-wrapper.pid!, "SIGKILL");
    } catch {
      // the group is gone already
    }
  });
  let output = "";
  const started = Date.now();
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`pnpm mock did not print its table within ${READY_WITHIN_MS} ms; it printed:\n${output}`)),
      READY_WITHIN_MS,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C stops them")) {
        clearTimeout(timer);
        ready();
      }
    };
    wrapper.stdout!.on("data", collect);
    wrapper.stderr!.on("data", collect);
    wrapper.once("close", (code, signal) => {
      clearTimeout(timer);
      fail(
        new Error(
          `pnpm mock ended (${code ?? signal}) after ${Date.now() - started} ms, before it was ready; it printed:\n${output}`,
        ),
      );
    });
  });
  return { wrapper, output: () => output };
}

// The tests wait for the wrapper's "close", not its "exit": Prism's process writes to the same
// pipes, so they close only when it is gone too, and its last words have been read by then.
const answers = () =>
  fetch(url).then(
    () => true,
    () => false,
  );

describe("pnpm mock", () => {
  it("serves the named provider on its fixed port, prints the table and stops on Ctrl-C with exit 0", {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const { wrapper, output } = await startMockCommand();
    expect(output()).toMatch(
      new RegExp(`provider\\s+URL\\n${first!.provider}\\s+http://127\\.0\\.0\\.1:${first!.port}\\n`),
    );
    expect(await answers()).toBe(true);
    process.kill(-wrapper.pid!, "SIGINT");
    const [code] = await once(wrapper, "close");
    expect(output()).toContain("Prism mocks stopped (SIGINT).");
    expect(output()).not.toContain("ELIFECYCLE");
    expect(code).toBe(0);
    expect(await answers()).toBe(false);
  });

  it("stops the mocks and exits 0 when the wrapper alone gets SIGTERM", { timeout: TEST_TIMEOUT_MS }, async () => {
    const { wrapper, output } = await startMockCommand();
    wrapper.kill("SIGTERM");
    const [code] = await once(wrapper, "close");
    expect(output()).toContain("Prism mocks stopped (SIGTERM).");
    expect(code).toBe(0);
    expect(await answers()).toBe(false);
  });

  it("stops the mocks when its terminal hangs up (SIGHUP to the job)", { timeout: TEST_TIMEOUT_MS }, async () => {
    const { wrapper } = await startMockCommand();
    process.kill(-wrapper.pid!, "SIGHUP");
    await once(wrapper, "close");
    await expect.poll(answers, { timeout: STOPPED_WITHIN_MS }).toBe(false);
  });

  it.each(["SIGKILL", "SIGHUP"] as const)(
    "leaves no Prism behind when the wrapper alone dies of %s, which it does not relay",
    { timeout: TEST_TIMEOUT_MS },
    async (signal) => {
      const { wrapper } = await startMockCommand();
      wrapper.kill(signal);
      await once(wrapper, "close");
      await expect.poll(answers, { timeout: STOPPED_WITHIN_MS }).toBe(false);
    },
  );

  it("refuses an unknown provider and lists the known ones", { timeout: TEST_TIMEOUT_MS }, async () => {
    const child = spawn(repoBin("tsx"), [join(repoRoot, "scripts/mock.ts"), "no-such-provider"], { cwd: repoRoot });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, "close");
    expect(code).toBe(2);
    expect(errors).toMatch(
      new RegExp(`pnpm mock: no spec for no-such-provider; the providers are ([a-z0-9-]+, )*${first!.provider}\\b`),
    );
  });
});
