// A stand-in for one app instance, used by two-processes.test.ts:
//   node --import tsx testing/credentials/tokens/get-token-child.ts
// Protocol (one line each, so the test can start it before its database exists
// and start both instances at the same moment):
//   stdin  {"env":{DATABASE_URL, ENCRYPTION_KEY, ZOOM_*…},"credentialId":"…","calls":50}
//   stdout ready                      (own database client open and warmed up)
//   stdin  go
//   stdout {"tokens":[…],"startedAt":ms,"finishedAt":ms}   or   {"error":{name,message,reason}}
import { nextLine } from "./stdin-lines";
import { createDb } from "@/lib/db/client";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { readTokenRow } from "@/lib/credentials/tokens/read-token";

interface ChildConfig {
  env: Record<string, string>;
  credentialId: string;
  calls: number;
}

let exitCode = 0;
let db: ReturnType<typeof createDb> | null = null;
try {
  const config = JSON.parse(await nextLine()) as ChildConfig;
  // The app reads its configuration lazily, on first use: this is early enough.
  Object.assign(process.env, config.env);
  const databaseUrl = config.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("no DATABASE_URL in the configuration");
  db = createDb(databaseUrl);
  await readTokenRow(db, config.credentialId);
  process.stdout.write("ready\n");
  await nextLine();

  const startedAt = Date.now();
  const credentialId = config.credentialId;
  const connected = db;
  const results = await Promise.all(
    Array.from({ length: config.calls }, () => getAccessToken(connected, credentialId)),
  );
  process.stdout.write(
    `${JSON.stringify({ tokens: results.map((r) => r.accessToken), startedAt, finishedAt: Date.now() })}\n`,
  );
} catch (error) {
  const { name, message, reason } = error as { name?: string; message?: string; reason?: string };
  process.stdout.write(`${JSON.stringify({ error: { name, message, reason } })}\n`);
  exitCode = 1;
} finally {
  await db?.$disconnect();
}
process.exit(exitCode);
