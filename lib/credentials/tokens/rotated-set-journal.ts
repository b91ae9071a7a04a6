import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { z } from "zod";
import { decrypt, encrypt } from "@/lib/crypto";
import { getEnv } from "@/lib/env";

/**
 * A token set Zoom handed out that the database has not stored yet. Zoom has
 * already killed the previous refresh token, so until this set is in the
 * database it is the only live one: losing it loses the connection.
 */
export type RotatedSet = {
  credentialId: string;
  workspaceId: string;
  /** The row version the set was renewed from: it is written only over that version. */
  fromVersion: number;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
  apiUrl: string | null;
  zoomUser: { id: string | null; email: string | null; accountId: string | null };
  rotatedAt: Date;
};

const journalEntry = z.object({
  credentialId: z.string().min(1),
  workspaceId: z.string().min(1),
  fromVersion: z.number().int(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  expiresAt: z.coerce.date(),
  scopes: z.array(z.string()),
  apiUrl: z.string().nullable(),
  zoomUser: z.object({
    id: z.string().nullable(),
    email: z.string().nullable(),
    accountId: z.string().nullable(),
  }),
  rotatedAt: z.coerce.date(),
});

// Ids are the app's own (cuid-like), but a file name is built from them: keep them plain.
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const context = (credentialId: string) => `rotated-token-journal:${credentialId}`;

/** One small file per credential under DATA_DIR, encrypted with the app's key like every stored secret. */
export function journalDir(): string {
  return path.join(getEnv().dataDir, "rotated-tokens");
}

function fileOf(credentialId: string): string {
  if (!SAFE_ID.test(credentialId)) throw new Error("Unexpected credential id for the token journal.");
  return path.join(journalDir(), `${credentialId}.json`);
}

/**
 * Written (and flushed to disk) before the database is even tried, so that a
 * crash of this process between Zoom's answer and the write loses nothing:
 * the next start replays it (replayRotatedSets).
 */
export function writeJournal(set: RotatedSet): void {
  const file = fileOf(set.credentialId);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sealed = encrypt(JSON.stringify(set), context(set.credentialId));
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, JSON.stringify({ sealed }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

export function removeJournal(credentialId: string): void {
  rmSync(fileOf(credentialId), { force: true });
}

function entryNames(): string[] {
  try {
    return readdirSync(journalDir()).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
}

/** Entries on disk, readable or not. */
export function journalEntryCount(): number {
  return entryNames().length;
}

/**
 * Every set the journal holds. A file that cannot be read (another key, a torn
 * write from before the rename) is left where it is and named in the log: it
 * may be the only copy of a live token set, so it is never deleted unread.
 */
export function readJournal(): RotatedSet[] {
  const names = entryNames();
  const sets: RotatedSet[] = [];
  for (const name of names) {
    const credentialId = name.slice(0, -".json".length);
    try {
      const { sealed } = z
        .object({ sealed: z.string() })
        .parse(JSON.parse(readFileSync(path.join(journalDir(), name), "utf8")));
      const set = journalEntry.parse(JSON.parse(decrypt(sealed, context(credentialId))));
      if (set.credentialId === credentialId) sets.push(set);
    } catch (error) {
      console.error(
        `[tokens] the journal entry ${name} could not be read (${error instanceof Error ? error.name : "unknown"}); it is kept`,
      );
    }
  }
  return sets;
}
