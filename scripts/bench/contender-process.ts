/**
 * One contender of the request benchmark in a process of its own, started with the contender's
 * index in request-contenders.ts and the server's URL. It connects and warms up; then, driven by
 * measureRequestCost over IPC, says "ready", runs each round it is asked for and answers with the
 * round's call times and CPU time; asked to finish, it answers with the garbage-collection pauses
 * of its rounds.
 */
import { gcPausesDuring, recordGcPauses, type Span } from "./gc-pauses.js";
import type { ContenderRequest, FinishReport, RoundReport } from "./request-cost.js";
import { requestContenders } from "./request-contenders.js";

const WARM_UP_CALLS = 300;
// The benchmark's end, or its death, closes the channel: nothing outlives it (not even the idle
// keep-alive connections that would hold the process open for seconds).
process.on("disconnect", () => process.exit(0));
const [index, baseUrl] = process.argv.slice(2);
const call = await requestContenders[Number(index)]!.connect(baseUrl!);
for (let warmUp = 0; warmUp < WARM_UP_CALLS; warmUp++) await call();
serveRounds();

function serveRounds() {
  const gc = recordGcPauses();
  const rounds: Span[] = [];
  process.on("message", async (request: ContenderRequest) => {
    if ("finish" in request) {
      const report: FinishReport = { gcPauses: gcPausesDuring(await gc.stop(), rounds) };
      process.send!(report, () => process.disconnect());
      return;
    }
    const callMs = new Array<number>(request.round);
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let made = 0; made < request.round; made++) {
      const before = performance.now();
      await call();
      callMs[made] = performance.now() - before;
    }
    const cpu = process.cpuUsage(cpuBefore);
    rounds.push({ start, end: performance.now() });
    const report: RoundReport = { callMs, cpuUs: cpu.user + cpu.system };
    process.send!(report);
  });
  process.send!("ready");
}
