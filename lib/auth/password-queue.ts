/**
 * A password hash is the one costly piece of work anyone can make the server
 * do without an account (bcrypt at cost 12, unknown emails included, so both
 * answers take as long). This line bounds it: a few jobs at a time and a
 * short queue; a sign-in beyond that is refused (told to try again in a
 * moment) instead of piling up work that starves the token API.
 */
export class PasswordWorkBusy extends Error {
  constructor() {
    super("Too many password checks are waiting.");
    this.name = "PasswordWorkBusy";
  }
}

export type WorkLine = {
  /** Whether a check that may be refused would be refused now. */
  readonly isFull: boolean;
  /** How many jobs run and wait now (for tests and the log). */
  readonly load: { running: number; waiting: number };
  /**
   * Runs the job when its turn comes. A job that may be refused
   * (`refuseWhenFull`, a sign-in) throws PasswordWorkBusy when the queue is
   * full; one that may not (making a new account's hash, whose callers are
   * limited elsewhere and rare) waits its turn regardless.
   */
  run<T>(job: () => Promise<T>, options?: { refuseWhenFull?: boolean }): Promise<T>;
};

export function workLine({ running, waiting }: { running: number; waiting: number }): WorkLine {
  let active = 0;
  const queue: (() => void)[] = [];
  const isFull = () => active >= running && queue.length >= waiting;
  // A finished job hands its place to the next in line, or frees it.
  const done = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    get isFull() {
      return isFull();
    },
    get load() {
      return { running: active, waiting: queue.length };
    },
    async run(job, { refuseWhenFull = true } = {}) {
      if (active < running) active++;
      else if (refuseWhenFull && isFull()) throw new PasswordWorkBusy();
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await job();
      } finally {
        done();
      }
    },
  };
}
