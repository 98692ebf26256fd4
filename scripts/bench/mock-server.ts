import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { startMock } from "@org/prism-mock";
import { round } from "./measure.js";

/** Prism from start to first answer, programmatic (our launcher) and through its CLI, and one mock's requests/s. */
export async function measureMock(spec: string, prismCli: string, requests: number) {
  const started = performance.now();
  const mock = await startMock({ spec });
  const programmaticMs = round(performance.now() - started, 1);
  const before = performance.now();
  for (let index = 0; index < requests; index++)
    await (await fetch(`${mock.url}/current_customer`, { headers: { "Fastly-Key": "k" } })).arrayBuffer();
  const requestsPerSecond = Math.round(requests / ((performance.now() - before) / 1000));
  await mock.stop();
  return { programmaticMs, cliMs: await cliStartMs(spec, prismCli), requestsPerSecond };
}

async function cliStartMs(spec: string, prismCli: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(prismCli, ["mock", spec, "--port", String(port), "--host", "127.0.0.1"], { stdio: "ignore" });
  try {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/current_customer`, { headers: { "Fastly-Key": "k" } });
        return round(performance.now() - started, 1);
      } catch {
        if (performance.now() - started > 60_000) throw new Error("the Prism CLI did not answer within 60 s");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    child.kill();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
