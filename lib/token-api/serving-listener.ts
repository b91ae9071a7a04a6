import pg from "pg";
import { parsePostgresUrl } from "@/lib/db/postgres-url";
import type { ServingCache } from "./serving-cache";

/** The channel the PostgreSQL triggers of migration 20261202052842_scoped_api_keys notify on. */
export const SERVING_CHANNEL = "zcw_serving";
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * One LISTEN connection per process (per cache): every instance hears, once
 * the writer's transaction commits, which credential or key changed, and
 * forgets it. Until LISTEN is confirmed — at start, and after a dropped
 * connection until it is back — `connected` is false and the cache serves
 * nothing, so a change missed while deaf can never be served.
 */
export class ServingListener {
  connected = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private failures = 0;
  private readonly schema: string;
  private readonly connectionString: string;

  constructor(
    databaseUrl: string,
    private readonly cache: () => ServingCache,
  ) {
    const parsed = parsePostgresUrl(databaseUrl);
    this.schema = parsed.schema;
    this.connectionString = parsed.connectionString;
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.client = client;
    // A dropped connection: deaf from now on, so stop serving from memory and come back.
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.connected = false;
      this.cache().forgetAll();
      client.end().catch(() => undefined);
      this.retry();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => this.dispatch(message.payload ?? ""));
    try {
      await client.connect();
      await client.query(`LISTEN ${SERVING_CHANNEL}`);
      if (this.client !== client) return;
      this.failures = 0;
      // Whatever changed while we were not listening is unknown: start empty.
      this.cache().forgetAll();
      this.connected = !this.stopped;
    } catch {
      lost();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    const wait = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)];
    setTimeout(() => void this.connect(), wait).unref();
  }

  /** Payload `<schema>:<table>:<id>`; other schemas (other installs in one database) are not ours. */
  private dispatch(payload: string): void {
    const [schema, table, id] = payload.split(":");
    if (schema !== this.schema || !id) return;
    if (table === "Credential") this.cache().forgetCredential(id);
    else if (table === "ApiKey") this.cache().forgetApiKey(id);
  }
}
