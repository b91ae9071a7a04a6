import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

/**
 * The app's configuration, validated once. `APP_URL` is the only URL a person
 * sets; next-auth's URL is derived from it. Secrets that are not configured
 * are generated on first run into the data folder so `npm start` works on a
 * fresh clone — with a warning, because several instances must share them.
 */
const KEY_FORMAT = "32 bytes, base64-encoded (openssl rand -base64 32)";
// Strict: Node's base64 decoder skips characters it does not know, so a typo could still decode.
const isBase64Key = (value: string) =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32;

const base64Key = z.string().trim().refine(isBase64Key, `must be ${KEY_FORMAT}`);

/**
 * ENCRYPTION_KEY: one key, or several comma-separated, newest first. An empty
 * entry is refused rather than skipped: "new,$OLD" with OLD unset would else
 * drop the old key without a word. Messages say which entry, never its value.
 */
const encryptionKeyList = z
  .string()
  .transform((value) => value.split(",").map((key) => key.trim()))
  .superRefine((keys, ctx) => {
    keys.forEach((key, index) => {
      const which = keys.length > 1 ? `key ${index + 1} of ${keys.length}` : "the key";
      if (!key)
        ctx.addIssue({
          code: "custom",
          message: `${which} is empty: remove the extra comma, or put back the key that belongs there (comma-separated, newest first)`,
        });
      else if (!isBase64Key(key))
        ctx.addIssue({
          code: "custom",
          message: `${which} is not a valid key: each key must be ${KEY_FORMAT}`,
        });
    });
  });

// An on/off switch says exactly one of these; anything else is a typo that must not mean "off".
const onOff = z
  .enum(["1", "0", "true", "false"], { error: "must be 1 (on) or 0 (off)" })
  .transform((value) => value === "1" || value === "true");

const envSchema = z
  .object({
    DATA_DIR: z.string().default("data"),
    DATABASE_URL: z
      .string()
      .trim()
      .refine(
        (url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url),
        "must start with file: (SQLite) or postgresql://",
      )
      .optional(),
    APP_URL: z
      .url({
        protocol: /^https?$/,
        error: "must be an http:// or https:// URL, like https://zoom-wizard.example.com",
      })
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // Newest first, comma-separated: the first key encrypts, all keys decrypt.
    ENCRYPTION_KEY: encryptionKeyList.optional(),
    // Whole seconds only: Number("6O") is NaN and once turned the keeper off without a word.
    KEEPER_INTERVAL_SECONDS: z
      .string()
      .trim()
      .regex(/^\d+$/, "must be a whole number of seconds, like 60 (0 turns the keeper off)")
      .transform(Number)
      .pipe(z.number().max(86_400, "must be at most 86400 (one day); 0 turns the keeper off"))
      .default(60),
    TRUST_PROXY: onOff.default(false),
    // Renewals one instance's keeper runs at once: a few, so Zoom's rate limits and the database stay calm.
    KEEPER_CONCURRENCY: z
      .string()
      .trim()
      .regex(/^\d+$/, "must be a whole number, like 4")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1").max(32, "must be at most 32"))
      .default(4),
    // GET /api/metrics is off (404) unless this is set; scrapers send it as a Bearer token.
    METRICS_TOKEN: z
      .string()
      .trim()
      .min(16, "must be at least 16 characters (openssl rand -hex 24)")
      .optional(),
    // Notifications (lib/notifications): email is off without SMTP_URL.
    SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        error: "must be an smtp:// or smtps:// URL, like smtps://user:password@mail.example.com:465",
      })
      .optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(
        /^([^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
        "must be an email address, like Zoom Wizard <zoom-wizard@example.com>",
      )
      .optional(),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: onOff.default(false),
    NOTIFY_INTERVAL_SECONDS: z
      .string()
      .trim()
      .regex(/^\d+$/, "must be a whole number of seconds, like 15 (0 turns sending off)")
      .transform(Number)
      .pipe(z.number().max(3600, "must be at most 3600 (one hour); 0 turns sending off"))
      .default(15),
    N8N_PUSH_INTERVAL_SECONDS: z
      .string()
      .trim()
      .regex(/^\d+$/, "must be a whole number of seconds, like 10 (0 turns pushing to n8n off)")
      .transform(Number)
      .pipe(z.number().max(600, "must be at most 600 (ten minutes); 0 turns pushing to n8n off"))
      .default(10),
  })
  .refine((env) => !env.SMTP_URL || env.MAIL_FROM, {
    path: ["MAIL_FROM"],
    error: "must be set when SMTP_URL is: the address notification email comes from",
  });

export type AppEnv = {
  dataDir: string;
  databaseUrl: string;
  databaseKind: "sqlite" | "postgresql";
  appUrl: string;
  nextAuthSecret: string;
  encryptionKeys: Buffer[];
  /** How often the background keeper runs; 0 = never. */
  keeperIntervalSeconds: number;
  /** A reverse proxy in front appends the client's address to X-Forwarded-For. */
  trustProxy: boolean;
  /** Renewals the keeper runs at once on this instance. */
  keeperConcurrency: number;
  /** The scrape token of GET /api/metrics; undefined = metrics off. */
  metricsToken: string | undefined;
  /** Notification email: off (null) without SMTP_URL. */
  mail: { smtpUrl: string; from: string } | null;
  /** Outbound webhooks may reach loopback / private addresses (tests, single-machine installs). */
  webhookAllowPrivateTargets: boolean;
  /** How often this instance's notification worker runs; 0 = never. */
  notifyIntervalSeconds: number;
  /** How often this instance's n8n pusher looks for pushes left over (each renewal pushes at once); 0 = never. */
  n8nPushIntervalSeconds: number;
};

const generatedSchema = z.object({ nextAuthSecret: z.string().min(32), encryptionKey: base64Key });

function loadGeneratedSecrets(dataDir: string): z.infer<typeof generatedSchema> {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx" fails if another process created the file first; then we read theirs.
    const fresh = {
      nextAuthSecret: randomBytes(32).toString("base64url"),
      encryptionKey: randomBytes(32).toString("base64"),
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { flag: "wx", mode: 0o600 });
    console.warn(
      `[config] NEXTAUTH_SECRET and ENCRYPTION_KEY are not set: generated new ones in ${file}.\n` +
        "[config] Back this file up: without it stored Zoom secrets cannot be read. " +
        "Several app instances must share the same values (set them in the environment).",
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const parsed = generatedSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new ConfigError(
      `${file} is damaged. Restore it from a backup, or set NEXTAUTH_SECRET and ENCRYPTION_KEY.`,
    );
  return parsed.data;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The environment's values checked, with every problem named in one message. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`The app's configuration is not valid:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: AppEnv | undefined;

export function getEnv(): AppEnv {
  if (cached) return cached;
  const env = parseEnv(process.env);
  const dataDir = path.resolve(env.DATA_DIR);
  const needsGenerated = !env.NEXTAUTH_SECRET || !env.ENCRYPTION_KEY;
  const generated = needsGenerated ? loadGeneratedSecrets(dataDir) : undefined;
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`;
  // 127.0.0.1, not localhost: Zoom was reported refusing plain http://localhost redirects (2026).
  const appUrl = (env.APP_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, "");
  const keys = env.ENCRYPTION_KEY ?? [generated!.encryptionKey];
  cached = {
    dataDir,
    databaseUrl,
    databaseKind: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    appUrl,
    nextAuthSecret: env.NEXTAUTH_SECRET ?? generated!.nextAuthSecret,
    encryptionKeys: keys.map((key) => Buffer.from(key, "base64")),
    keeperIntervalSeconds: env.KEEPER_INTERVAL_SECONDS,
    trustProxy: env.TRUST_PROXY,
    keeperConcurrency: env.KEEPER_CONCURRENCY,
    metricsToken: env.METRICS_TOKEN,
    mail: env.SMTP_URL && env.MAIL_FROM ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
    webhookAllowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    notifyIntervalSeconds: env.NOTIFY_INTERVAL_SECONDS,
    n8nPushIntervalSeconds: env.N8N_PUSH_INTERVAL_SECONDS,
  };
  // next-auth 4 reads these from process.env; derive them so people set APP_URL only.
  process.env.NEXTAUTH_URL = `${appUrl}/api/auth`;
  process.env.NEXTAUTH_SECRET = cached.nextAuthSecret;
  return cached;
}
