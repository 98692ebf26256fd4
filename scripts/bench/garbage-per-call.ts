import { once } from "node:events";
import { forkContender } from "./fork-contender.js";
import { HEAP_CALLS, type HeapMeasure, type HeapReport } from "./heap-measure.js";
import { round } from "./measure.js";

/**
 * Per call, in kB, for each contender of request-contenders.ts (`contenders[i]` names the one at
 * index i), each in a fresh process of its own:
 * - garbage: what a call allocates. The heap's growth over 1000 calls in a node whose young
 *   generation (512 MB semi-spaces) holds them all, so that no collection runs in between and
 *   every byte allocated is still there to count;
 * - promotion: what outlives the young generation, with Node's default heap. The young
 *   generation's collections are cheap for what dies young; what survives them is copied into
 *   the old generation (V8's `--trace-gc-nvp` reports it), whose collections take the longest.
 */
export async function heapPerCallKb(baseUrl: string, contenders: readonly string[]): Promise<{ name: string; garbageKb: number; promotedKb: number }[]> {
  const results = [];
  for (const [index, name] of contenders.entries()) {
    const garbage = await measureInProcess(index, name, baseUrl, "garbage", ["--max-semi-space-size=512", "--min-semi-space-size=512", "--expose-gc"]);
    results.push({ name, garbageKb: round(garbage.report.grown / HEAP_CALLS.garbage / 1024, 1), promotedKb: await promotedKb(index, name, baseUrl) });
  }
  return results;
}

/** The promotion per call of the contender at `index`, in a process started with `nodeFlags`. */
export async function promotedKb(index: number, name: string, baseUrl: string, nodeFlags: string[] = []): Promise<number> {
  const { stdout } = await measureInProcess(index, name, baseUrl, "promotion", nodeFlags);
  const promoted = [...stdout.matchAll(/ promoted=(\d+)/g)].reduce((sum, [, bytes]) => sum + Number(bytes), 0);
  return round(promoted / HEAP_CALLS.promotion / 1024, 1);
}

async function measureInProcess(index: number, name: string, baseUrl: string, measure: HeapMeasure, nodeFlags: string[]) {
  const child = forkContender([String(index), baseUrl, measure], { nodeFlags, stdout: "pipe" });
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const reports: HeapReport[] = [];
  child.on("message", (report: HeapReport) => reports.push(report));
  const [code] = (await once(child, "exit")) as [number | null];
  const report = reports[0];
  if (code !== 0 || !report) throw new Error(`${measure} per call, ${name}: its process ended with exit code ${code} before it reported`);
  if (report.collections > 0) throw new Error(`garbage per call, ${name}: ${report.collections} collection(s) ran during the calls; the figure would undercount`);
  return { report, stdout };
}
