import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";

const spec = fileURLToPath(new URL("./fixtures/customers.yaml", import.meta.url));
const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

/** `customers-mock <spec> --port 0`, as a user starts it, until it prints its URL. */
async function startCli(...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", cli, spec, "--port", "0", ...args], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
  });
  onTestFinished(() => void child.kill("SIGKILL"));
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((ready, failed) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found && output.includes("Ctrl-C stops it.")) ready(found[1]!);
    });
    child.once("close", (code) => failed(new Error(`customers-mock ended (${code}) before it was ready:\n${output}`)));
  });
  return { child, url, output: () => output };
}

// A hang guard, not a budget: each case starts node with tsx and Prism, which takes minutes on a busy 2-core machine.
describe("the customers-mock command", { timeout: 300_000 }, () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "serves a spec, says how to use it and stops on %s with nothing left listening",
    async (signal) => {
      const { child, url, output } = await startCli("--stateful");
      expect(output()).toContain(`client option: { baseUrl: "${url}" }`);
      expect(output()).toContain("(stateful)");
      expect((await fetch(`${url}/customer`, { headers: { "X-Api-Key": "k" } })).status).toBe(200);
      const closed = once(child, "close");
      child.kill(signal);
      expect(await closed).toEqual([0, null]);
      expect(output()).toContain(`customers-mock stopped (${signal})`);
      await expect(fetch(`${url}/customer`)).rejects.toThrow();
    },
  );

  it("says what it needs when the client is not installed or the arguments are wrong", async () => {
    const run = (...args: string[]) => {
      const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk));
      return once(child, "close").then(([code]) => ({ code, output }));
    };
    const missing = await run("nowhere");
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(
      /@\w+\/nowhere-customers is not installed here .*npm install @\w+\/nowhere-customers/,
    );
    expect(await run()).toMatchObject({
      code: 2,
      output: expect.stringContaining("usage: customers-mock <client | spec.yaml>"),
    });
  });
});
