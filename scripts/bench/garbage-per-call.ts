import { spawnSync } from "node:child_process";
import { round } from "./measure.js";

const CALLS = 1000;

/**
 * What each contender allocates per call, in kB: the heap's growth over CALLS calls in a fresh
 * node whose young generation (512 MB semi-spaces) holds them all, so that no collection runs in
 * between and every byte allocated is still there to count. Each contender is ESM source that
 * defines `call()` from `baseUrl`; it is warmed up, then measured after a full collection.
 */
export function garbagePerCallKb<Name extends string>(baseUrl: string, contenders: Record<Name, string>): Record<Name, number> {
  const results = {} as Record<Name, number>;
  for (const [name, setup] of Object.entries(contenders) as [Name, string][]) {
    const script = `
import { getHeapStatistics } from "node:v8";
import { PerformanceObserver } from "node:perf_hooks";
const baseUrl = ${JSON.stringify(baseUrl)};
${setup}
for (let i = 0; i < 300; i++) await call();
globalThis.gc();
let collections = 0;
const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
observer.observe({ entryTypes: ["gc"] });
const before = getHeapStatistics().used_heap_size;
for (let i = 0; i < ${CALLS}; i++) await call();
const grown = getHeapStatistics().used_heap_size - before;
await new Promise((done) => setTimeout(done, 10));
observer.disconnect();
console.log(JSON.stringify({ grown, collections }));
`;
    const child = spawnSync(process.execPath, ["--max-semi-space-size=512", "--min-semi-space-size=512", "--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`garbage per call, ${name}: ${child.stderr}`);
    const { grown, collections } = JSON.parse(child.stdout) as { grown: number; collections: number };
    if (collections > 0) throw new Error(`garbage per call, ${name}: ${collections} collection(s) ran during the calls; the figure would undercount`);
    results[name] = round(grown / CALLS / 1024, 1);
  }
  return results;
}
