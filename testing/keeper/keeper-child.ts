// A stand-in for one app instance running one keeper round, used by
// keeper-instances.test.ts:
//   node --import tsx testing/keeper/keeper-child.ts
// Protocol (as in testing/credentials/tokens/get-token-child.ts):
//   stdin  {"env":{DATABASE_URL, ENCRYPTION_KEY, ZOOM_*…},"instance":"a","batchSize":4}
//   stdout ready
//   stdin  go
//   stdout {"report":{…}}   or   {"error":{name,message}}
import { nextLine } from "@/testing/credentials/tokens/stdin-lines";
import { createDb } from "@/lib/db/client";
import { keeperTick } from "@/lib/keeper/keeper-tick";

let exitCode = 0;
let db: ReturnType<typeof createDb> | null = null;
try {
  const config = JSON.parse(await nextLine()) as {
    env: Record<string, string>;
    instance: string;
    batchSize: number;
  };
  Object.assign(process.env, config.env);
  const databaseUrl = config.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("no DATABASE_URL in the configuration");
  db = createDb(databaseUrl);
  await db.credential.count();
  process.stdout.write("ready\n");
  await nextLine();
  const report = await keeperTick(db, {
    instance: config.instance,
    batchSize: config.batchSize,
    concurrency: 2,
  });
  process.stdout.write(`${JSON.stringify({ report })}\n`);
} catch (error) {
  const { name, message } = error as { name?: string; message?: string };
  process.stdout.write(`${JSON.stringify({ error: { name, message } })}\n`);
  exitCode = 1;
} finally {
  await db?.$disconnect();
}
process.exit(exitCode);
