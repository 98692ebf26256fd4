/** One attempt's deadline: `expire` runs once it passes, unless the deadline is cancelled first. */
export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
}

export interface Deadlines {
  /** Calls `expire` in `ms` milliseconds, unless the returned deadline is cancelled first. */
  add(ms: number, expire: () => void): Deadline;
  cancel(deadline: Deadline): void;
}

/** setTimeout's longest delay; a longer one would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The deadlines of a client's attempts in flight, served by one timer rather than one each (as
 * undici does for its own timeouts): setting and clearing a Node timer per call was the largest
 * part of the runtime's own work per call. The timer is armed for the earliest deadline; one that
 * fires for an attempt that already ended re-arms for the next. Where timers can be unref'd (Node,
 * Bun), the timer never keeps a process alive (an attempt in flight does so by its socket), and
 * is left armed when nothing is pending; elsewhere it is cleared then.
 */
export function createDeadlines(): Deadlines {
  const pending = new Set<Deadline>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;
  let unrefs = false;

  const arm = (at: number) => {
    if (timer !== undefined) clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.min(Math.max(0, Math.ceil(at - performance.now())), MAX_DELAY));
    const handle = timer as { unref?: () => void };
    unrefs = typeof handle.unref === "function";
    handle.unref?.();
  };
  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    armedFor = Infinity;
  };
  function fire() {
    timer = undefined;
    armedFor = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const deadline of pending) {
      if (deadline.at <= now) {
        pending.delete(deadline);
        deadline.expire();
      } else if (deadline.at < next) next = deadline.at;
    }
    if (next !== Infinity) arm(next);
  }

  return {
    add(ms, expire) {
      const deadline = { at: performance.now() + ms, expire };
      pending.add(deadline);
      if (deadline.at < armedFor) arm(deadline.at);
      return deadline;
    },
    cancel(deadline) {
      pending.delete(deadline);
      if (pending.size === 0 && !unrefs) disarm();
    },
  };
}
