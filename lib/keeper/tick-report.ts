/** What one keeper round did, for the log and the metrics. */
export type TickReport = {
  renewed: number;
  renewFailed: number;
  tested: number;
  testFailed: number;
  /** Rows looked at and only rescheduled (no Zoom call). */
  rescheduled: number;
  markedExpiring: number;
  markedExpired: number;
  /** Out of time with due rows left: the next round takes them first. */
  unfinished: boolean;
  /** Rows still due at the end of the round (counted only when unfinished). */
  leftDue: number;
};

/** A round that did nothing: the start of every round's report. */
export function emptyTickReport(): TickReport {
  return {
    renewed: 0,
    renewFailed: 0,
    tested: 0,
    testFailed: 0,
    rescheduled: 0,
    markedExpiring: 0,
    markedExpired: 0,
    unfinished: false,
    leftDue: 0,
  };
}
