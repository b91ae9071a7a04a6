import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { oauthGuide } from "@/lib/guides/oauth-guide";
import { formStep, nextStepKey } from "@/lib/guides/progress";
import { wizardStepUrl } from "@/lib/guides/step-url";
import type { StepKey } from "@/lib/guides/types";

/**
 * Which credential a Zoom handshake is for. The guarded "Connect to Zoom"
 * action writes it into a short-lived, httpOnly, SameSite=Lax cookie that
 * only next-auth's route reads; it is signed, so nobody can point a
 * handshake at someone else's credential.
 */
export const CONNECT_COOKIE = "zcw-zoom-connect";
export const CONNECT_COOKIE_PATH = "/api/auth";
const LIFETIME_SECONDS = 15 * 60;

const claimsSchema = z.object({
  cid: z.string().min(1),
  wid: z.string().min(1),
  uid: z.string().min(1),
  slug: z.string().min(1),
  uname: z.string(),
  flow: z.enum(["wizard", "member", "link"]).default("wizard"),
  link: z.string().optional(),
});
/**
 * Where the handshake started, so it ends there: the credential's wizard, a
 * member's one-screen "Connect my Zoom account", or a connect link (`link`:
 * its token, for someone without an account, who acts as the link's owner).
 */
export type ConnectFlow = { flow?: "wizard" | "member" } | { flow: "link"; link: string };
export type ConnectSession = {
  credentialId: string;
  workspaceId: string;
  userId: string;
  slug: string;
  userName: string;
} & ConnectFlow;

function key(): Uint8Array {
  // A key of its own, derived so a session token can never pass as this.
  return createHash("sha256").update(`zoom-connect:${getEnv().nextAuthSecret}`).digest();
}

export async function signConnectSession(session: ConnectSession): Promise<string> {
  return new SignJWT({
    cid: session.credentialId,
    wid: session.workspaceId,
    uid: session.userId,
    slug: session.slug,
    uname: session.userName,
    flow: session.flow ?? "wizard",
    ...(session.flow === "link" ? { link: session.link } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key());
}

export async function readConnectSession(token: string | undefined): Promise<ConnectSession | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { algorithms: ["HS256"] });
    const claims = claimsSchema.parse(payload);
    const base = {
      credentialId: claims.cid,
      workspaceId: claims.wid,
      userId: claims.uid,
      slug: claims.slug,
      userName: claims.uname,
    };
    if (claims.flow !== "link") return { ...base, flow: claims.flow };
    return claims.link ? { ...base, flow: "link", link: claims.link } : null;
  } catch {
    return null;
  }
}

export function connectCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().appUrl.startsWith("https://"),
    path: CONNECT_COOKIE_PATH,
    maxAge: LIFETIME_SECONDS,
  };
}

/** The pages a handshake leads back to: where it started, on failure, and after success. */
export function handshakePages(session: ConnectSession) {
  if (session.flow === "member") {
    const start = `/w/${session.slug}/connect`;
    return {
      credentials: start,
      connect: `${start}?credential=${session.credentialId}`,
      afterConnect: `${start}/done?credential=${session.credentialId}`,
    };
  }
  if (session.flow === "link") {
    const start = `/connect/${session.link}`;
    return { credentials: start, connect: start, afterConnect: `${start}/done` };
  }
  return wizardPages(session);
}

/** The OAuth wizard's pages a handshake leads back to, found in the guide by what they hold. */
function wizardPages(session: Pick<ConnectSession, "slug" | "credentialId">) {
  const url = (key: StepKey<typeof oauthGuide>) =>
    wizardStepUrl(session.slug, session.credentialId, oauthGuide, key);
  const connect = formStep(oauthGuide, "connect").key;
  return {
    credentials: url(formStep(oauthGuide, "client-credentials").key),
    connect: url(connect),
    afterConnect: url(nextStepKey(oauthGuide, connect)),
  };
}
