/** Node timers that keep the process alive: an unref'd one is not counted. */
export const activeTimers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
