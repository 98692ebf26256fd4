import { spawnSync } from "node:child_process";
import { median, round } from "./measure.js";

/**
 * Median wall time, in ms, of fresh node processes running each script (ESM), over `runs` runs.
 * The scripts take turns, run after run, so a slow moment of the machine hits them all alike.
 */
export function coldStartsMs<Name extends string>(scripts: Record<Name, string>, runs: number): Record<Name, number> {
  const names = Object.keys(scripts) as Name[];
  const samples = new Map(names.map((name) => [name, [] as number[]]));
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const started = performance.now();
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", scripts[name]], { stdio: "ignore" });
      if (child.status !== 0) throw new Error(`cold start script ${name} failed: ${scripts[name]}`);
      samples.get(name)!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, round(median(samples.get(name)!), 1)])) as Record<Name, number>;
}
