import { spawnSync } from "node:child_process";
import { median, round } from "./measure.js";

/** Median wall time of fresh node processes running `script` (ESM), over `runs` runs. */
export function coldStartMs(script: string, runs: number): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
    if (child.status !== 0) throw new Error(`cold start script failed: ${script}`);
    samples.push(performance.now() - started);
  }
  return round(median(samples), 1);
}
