// The outside world the app notifies, for the end-to-end run: an SMTP server
// (smtp-server) that keeps every email, and an HTTP receiver for webhooks
// that checks each signature with the standardwebhooks package, can answer
// 500 a given number of times, and tells the specs what it got.
import { createServer, type IncomingMessage } from "node:http";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { E2E_SINK_PORT, E2E_SMTP_PORT } from "./test-env";

type Mail = { to: string[]; subject: string; text: string };
type Hook = { status: number; verified: boolean; id: string; body: string };

const mails: Mail[] = [];
const hooks = new Map<string, { secret: string | null; failTimes: number; received: Hook[] }>();

/** Undoes the encodings nodemailer uses for non-ASCII text (quoted-printable, RFC 2047 words). */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  } catch {
    return text;
  }
}
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
function parseMail(raw: string, to: string[]): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const qp = /quoted-printable/i.test(header("Content-Transfer-Encoding"));
  const b64 = /base64/i.test(header("Content-Transfer-Encoding"));
  const text = qp ? decodeQuotedPrintable(body) : b64 ? Buffer.from(body, "base64").toString("utf8") : body;
  return { to, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/g, "\n").trim() };
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      mails.push(
        parseMail(
          raw,
          session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        ),
      );
      callback();
    });
  },
});
smtp.listen(E2E_SMTP_PORT, "127.0.0.1");

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => resolve(body));
  });

const http = createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? "/", "http://sink");
    const body = await readBody(request);
    const json = (status: number, value: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    const hookName = /^\/(?:__sink\/)?hooks\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (url.pathname === "/__sink/mail" && request.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return json(200, to ? mails.filter((mail) => mail.to.includes(to)) : mails);
    }
    if (!hookName) return json(404, { error: "not_found" });
    const hook = hooks.get(hookName) ?? { secret: null, failTimes: 0, received: [] };
    hooks.set(hookName, hook);
    if (url.pathname.startsWith("/__sink/")) {
      if (request.method === "PUT") {
        const config = JSON.parse(body) as { secret?: string; failTimes?: number };
        if (config.secret !== undefined) hook.secret = config.secret;
        if (config.failTimes !== undefined) hook.failTimes = config.failTimes;
        return json(200, { ok: true });
      }
      return json(200, { received: hook.received });
    }
    let verified = false;
    try {
      if (hook.secret) {
        new Webhook(hook.secret).verify(body, request.headers as Record<string, string>);
        verified = true;
      }
    } catch {
      verified = false;
    }
    const status = hook.failTimes > 0 ? 500 : verified ? 200 : 401;
    if (hook.failTimes > 0) hook.failTimes--;
    hook.received.push({ status, verified, id: String(request.headers["webhook-id"] ?? ""), body });
    response
      .writeHead(status, { "content-type": "text/plain" })
      .end(status === 200 ? "ok" : "receiver said no");
  })();
});
http.listen(E2E_SINK_PORT, "127.0.0.1");

const stop = () => {
  smtp.close(() => undefined);
  http.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
