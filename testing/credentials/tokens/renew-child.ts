// One app instance that renews one credential and then lives on (its background
// writer retrying) until the test kills it — with SIGKILL, as a crash would.
//   node --import tsx testing/credentials/tokens/renew-child.ts
//   stdin  {"env":{DATABASE_URL, DATA_DIR, ENCRYPTION_KEY, ZOOM_*…},"credentialId":"…"}
//   stdout ready                 (database client open)
//   stdin  go
//   stdout {"accessToken":"…"}   or   {"error":"…"}
import { nextLine } from "./stdin-lines";
import { createDb } from "@/lib/db/client";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { readTokenRow } from "@/lib/credentials/tokens/read-token";

const config = JSON.parse(await nextLine()) as { env: Record<string, string>; credentialId: string };
Object.assign(process.env, config.env);
const db = createDb(config.env.DATABASE_URL ?? "");
await readTokenRow(db, config.credentialId);
process.stdout.write("ready\n");
await nextLine();
try {
  const token = await getAccessToken(db, config.credentialId);
  process.stdout.write(`${JSON.stringify({ accessToken: token.accessToken })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
}
// Stay alive: the test decides how this instance ends.
setInterval(() => undefined, 60_000);
