import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeLineBin } from "../node-lines/node-line.js";

/**
 * The `node` the contenders run on: this one, or with BENCH_NODE_LINE=<major> the newest release
 * of that line (installed once, as the end-to-end lane's are), to compare what Node's own fetch
 * costs on it. Only the contenders move; the benchmark and its server stay on this Node.
 */
export const contenderNode = process.env.BENCH_NODE_LINE ? join(await nodeLineBin(Number(process.env.BENCH_NODE_LINE)), "node") : process.execPath;
export const contenderNodeVersion = () => (contenderNode === process.execPath ? process.version : execFileSync(contenderNode, ["--version"], { encoding: "utf8" }).trim());

/**
 * Starts contender-process.ts with `args`, by path: it loads the built clients, which no module
 * of the benchmark's own may import (they are type-checked and tested without a build).
 */
export function forkContender(args: string[], { nodeFlags = [], stdout }: { nodeFlags?: string[]; stdout: "pipe" | "inherit" }): ChildProcess {
  return fork(fileURLToPath(new URL("./contender-process.ts", import.meta.url)), args, {
    execPath: contenderNode,
    execArgv: [...process.execArgv, ...nodeFlags],
    stdio: ["ignore", stdout, "inherit", "ipc"],
  });
}
