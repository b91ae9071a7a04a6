/**
 * What every successful token write resets: no error, no back-off, no lease,
 * and a new version (so a writer holding an older read loses).
 */
export function healthyState() {
  return {
    lastErrorCode: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    failureCount: 0,
    nextAttemptAt: null,
    refreshLeaseOwner: null,
    refreshLeaseUntil: null,
    version: { increment: 1 },
  };
}
