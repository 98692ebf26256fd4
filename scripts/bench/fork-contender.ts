import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeLineBin } from "../node-lines/node-line.js";

/** The Node lines the request rows run on (BENCH_NODE_LINES, default `20,22,24`): the current LTS, the one before, and the toolchain's. */
export const benchNodeLines = (process.env.BENCH_NODE_LINES ?? "20,22,24").split(",").map(Number);

/** The `node` of a line: this one when it is of that line, else the newest release of it (installed once, as the end-to-end lane's are). */
export async function nodeOfLine(major: number): Promise<{ node: string; version: string }> {
  if (Number(process.versions.node.split(".")[0]) === major)
    return { node: process.execPath, version: process.version };
  const node = join(await nodeLineBin(major), "node");
  return { node, version: execFileSync(node, ["--version"], { encoding: "utf8" }).trim() };
}

/**
 * Starts contender-process.ts on `node` with `args`, by path: it loads the built clients, which no
 * module of the benchmark's own may import (they are type-checked and tested without a build).
 * Only the contenders move between lines; the benchmark and its server stay on this Node.
 */
export function forkContender(node: string, args: string[]): ChildProcess {
  return fork(fileURLToPath(new URL("./contender-process.ts", import.meta.url)), args, {
    execPath: node,
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}
