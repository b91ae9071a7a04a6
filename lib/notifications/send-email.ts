import nodemailer, { type Transporter } from "nodemailer";

export const SMTP_TIMEOUT_MS = 10_000;

let cached: { url: string; transport: Transporter } | undefined;

function transportFor(smtpUrl: string): Transporter {
  if (cached?.url !== smtpUrl) {
    const url = new URL(smtpUrl);
    cached = {
      url: smtpUrl,
      transport: nodemailer.createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
        secure: url.protocol === "smtps:",
        ...(url.username
          ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
          : {}),
        // A slow or dead mail server costs one attempt, never a renewal or a request.
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    };
  }
  return cached.transport;
}

export type EmailResult = { ok: boolean; statusCode: number | null; note: string | null };

/** Sends one email; the answer (or the failure) in words for the delivery log, never the password. */
export async function sendEmail(input: {
  smtpUrl: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}): Promise<EmailResult> {
  try {
    const info = (await transportFor(input.smtpUrl).sendMail({
      from: input.from,
      to: input.to,
      subject: input.subject,
      text: input.text,
    })) as { response?: string };
    return { ok: true, statusCode: 250, note: info.response?.slice(0, 200) || null };
  } catch (error) {
    const smtp = error as { responseCode?: number; code?: string; response?: string };
    const note = smtp.response
      ? smtp.response.slice(0, 200)
      : `The mail server could not be reached (${smtp.code ?? "error"}).`;
    return { ok: false, statusCode: smtp.responseCode ?? null, note };
  }
}
