import type { Db } from "@/lib/db/client";
import { safeErrorText } from "@/lib/errors/safe-error-text";
import { LIVE_STATUSES } from "../status";
import { markConnected } from "../transitions";
import type { AccessToken } from "./read-token";
import {
  journalEntryCount,
  readJournal,
  removeJournal,
  writeJournal,
  type RotatedSet,
} from "./rotated-set-journal";

export type { RotatedSet } from "./rotated-set-journal";

/**
 * Token sets Zoom rotated that the database has not taken yet (a failover, a
 * restarted pool, a disk that filled up). Zoom killed the previous refresh
 * token when it answered, so such a set is the connection: it is never
 * dropped because a write failed. It stays here (and in the journal on disk),
 * its access token is served, and it is written again and again, backing off,
 * until the database takes it — or until the row has moved on (a person
 * reconnected, disconnected or deleted it), when it belongs to nobody.
 */
const held = new Map<string, RotatedSet>();
/** Sets with a background writer: at most one each. */
const writers = new WeakSet<RotatedSet>();

/** May be written over: a live row, or one marked Needs reconnect because Zoom refused the old token. */
const WRITABLE_OVER = [...LIVE_STATUSES, "needs_reconnect"];
const MAX_BACKOFF_MS = 5_000;

export function holdRotatedSet(set: RotatedSet): void {
  held.set(set.credentialId, set);
  try {
    writeJournal(set);
  } catch (error) {
    // Memory still holds it; only a crash of this process before the write could lose it now.
    console.error(
      `[tokens] could not journal the renewed set of ${set.credentialId}: ${safeErrorText(error)}`,
    );
  }
}

function settle(set: RotatedSet): void {
  if (held.get(set.credentialId) === set) held.delete(set.credentialId);
  try {
    removeJournal(set.credentialId);
  } catch {
    // A leftover entry is replayed at the next start and, its version being old, changes nothing.
  }
}

/** The access token of a held set, when it has `minValidityMs` left. */
export function heldToken(credentialId: string, minValidityMs: number, now = new Date()): AccessToken | null {
  const set = held.get(credentialId);
  if (!set || set.expiresAt.getTime() - now.getTime() < minValidityMs) return null;
  return tokenOf(set);
}

export function heldWorkspace(credentialId: string): string | null {
  return held.get(credentialId)?.workspaceId ?? null;
}

export function tokenOf(set: RotatedSet): AccessToken {
  return {
    version: set.fromVersion + 1,
    accessToken: set.accessToken,
    expiresAt: set.expiresAt,
    apiUrl: set.apiUrl,
    scopes: set.scopes,
    zoomUser: set.zoomUser,
  };
}

/**
 * One write of a held set, over the version it was renewed from. Returns
 * whether the row took it; false means the row moved on and the set was let go.
 * Throws when the database does not answer (the set stays held).
 */
export async function storeRotatedSet(db: Db, set: RotatedSet): Promise<boolean> {
  const written = await markConnected(
    db,
    { id: set.credentialId, version: set.fromVersion, statusIn: WRITABLE_OVER },
    {
      now: set.rotatedAt,
      tokens: {
        accessToken: set.accessToken,
        // Server-to-Server sets have none: keep the column as it is.
        refreshToken: set.refreshToken ?? undefined,
        expiresAt: set.expiresAt,
        scopes: set.scopes.length ? set.scopes : undefined,
        apiUrl: set.apiUrl ?? undefined,
      },
    },
  );
  settle(set);
  return written > 0;
}

/** Keeps writing a held set in the background, backing off up to 5 s, while this process lives. */
export function storeLater(db: Db, set: RotatedSet): void {
  if (writers.has(set)) return;
  writers.add(set);
  void (async () => {
    try {
      for (let attempt = 1; held.get(set.credentialId) === set; attempt++) {
        try {
          const stored = await storeRotatedSet(db, set);
          console.log(
            `[tokens] the renewed set of ${set.credentialId} ${stored ? "is stored" : "was let go: the connection changed meanwhile"} (attempt ${attempt})`,
          );
          return;
        } catch {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.min(200 * 2 ** attempt, MAX_BACKOFF_MS)).unref(),
          );
        }
      }
    } finally {
      writers.delete(set);
    }
  })();
}

/**
 * Before a renewal reads the row: a set held here is newer than anything
 * stored, and the stored refresh token is already dead at Zoom. Try to write
 * it now; "held" when the database still does not take it.
 */
export async function flushHeldSet(db: Db, credentialId: string): Promise<"none" | "stored" | "held"> {
  const set = held.get(credentialId);
  if (!set) return "none";
  try {
    await storeRotatedSet(db, set);
    return "stored";
  } catch {
    storeLater(db, set);
    return "held";
  }
}

/**
 * At start: sets a previous run of this instance journaled but did not store
 * (it crashed, or stopped while the database was away) are held again and written.
 */
export function replayRotatedSets(db: Db): number {
  const sets = readJournal();
  for (const set of sets) {
    const current = held.get(set.credentialId);
    if (current && current.rotatedAt >= set.rotatedAt) continue;
    held.set(set.credentialId, set);
    storeLater(db, set);
  }
  if (sets.length) console.log(`[tokens] replaying ${sets.length} renewed token set(s) from the journal`);
  return sets.length;
}

/**
 * For keys:rotate, before old keys leave ENCRYPTION_KEY: the journal is sealed
 * with the key of its day, so a set still waiting there would become unreadable,
 * and the connection with it. Store every waiting set now, as a start would.
 * `waiting` counts the entries left (the database did not answer, or an entry
 * could not be read): while it is not 0, the old keys must stay.
 */
export async function storeJournaledSets(
  db: Db,
): Promise<{ stored: number; letGo: number; waiting: number }> {
  let stored = 0;
  let letGo = 0;
  for (const set of readJournal()) {
    try {
      if (await storeRotatedSet(db, set)) stored++;
      else letGo++;
    } catch (error) {
      // The database did not take it: it stays journaled, and `waiting` says so.
      console.error(
        `[tokens] could not store the journaled set of ${set.credentialId}: ${safeErrorText(error)}`,
      );
    }
  }
  return { stored, letGo, waiting: journalEntryCount() };
}

/** Tests: forget what this process holds (as a restart would), without touching the journal. */
export function forgetHeldSetsForTest(): void {
  held.clear();
}
