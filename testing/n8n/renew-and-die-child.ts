// One app instance that renews a connection's token and dies at the worst
// moment: right after the renewal committed (with its push in the outbox)
// and before it pushes anything to n8n — push-outbox.test.ts.
//   node --import tsx testing/n8n/renew-and-die-child.ts
//   stdin  {"env":{DATABASE_URL, ENCRYPTION_KEY, ZOOM_*…},"credentialId":"…"}
//   stdout queued      (then SIGKILL: no push, no clean-up)
//   stdout not-queued  (the renewal queued no push: it exits normally)
import { nextLine } from "@/testing/credentials/tokens/stdin-lines";
import { createDb } from "@/lib/db/client";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { onPushQueued } from "@/lib/n8n/push-outbox";

const config = JSON.parse(await nextLine()) as { env: Record<string, string>; credentialId: string };
Object.assign(process.env, config.env);
const db = createDb(config.env.DATABASE_URL!);
// This instance would push now; it dies instead, as a crash or a deploy would kill it.
onPushQueued(() => {
  process.stdout.write("queued\n", () => process.kill(process.pid, "SIGKILL"));
});
await getAccessToken(db, config.credentialId, { force: true });
await new Promise((resolve) => setTimeout(resolve, 200));
process.stdout.write("not-queued\n");
await db.$disconnect();
process.exit(0);
