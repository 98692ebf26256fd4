import { spawn } from "node:child_process";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../repo-root.js";

const tsx = join(repoRoot, "node_modules/.bin/tsx");
const mockScript = join(repoRoot, "scripts/mock.ts");

describe("pnpm mock", () => {
  it("serves the named provider on its fixed port, prints the table and stops on Ctrl-C", async () => {
    const child = spawn(tsx, [mockScript, "fastly"], { cwd: repoRoot });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toContain("Ctrl-C stops them");
      expect(output).toMatch(/^provider\s+URL\nfastly\s+http:\/\/127\.0\.0\.1:4010\n/);
      const answer = await fetch("http://127.0.0.1:4010/current_customer", { headers: { "Fastly-Key": "k" } });
      expect(answer.status).toBe(200);
      child.kill("SIGINT");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(output).toContain("Prism mocks stopped.");
      await expect(fetch("http://127.0.0.1:4010/current_customer")).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses an unknown provider and lists the known ones", async () => {
    const child = spawn(tsx, [mockScript, "nope"], { cwd: repoRoot });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(errors).toMatch(/pnpm mock: no spec for nope; the providers are (\w+, )*fastly\b/);
  });
});
