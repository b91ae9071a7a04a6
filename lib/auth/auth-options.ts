import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { safeErrorText } from "@/lib/errors/safe-error-text";

const metadataError = (metadata: unknown): unknown =>
  metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;

/**
 * next-auth's options. One next-auth route serves both the app's own sign-in
 * (Credentials, JWT sessions) and, later, the Zoom handshake, because
 * next-auth 4 has one base path per process (stack-notes.md).
 */
export function baseAuthOptions(): AuthOptions {
  const env = getEnv();
  const secure = env.appUrl.startsWith("https://");
  return {
    secret: env.nextAuthSecret,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await authenticate(db(), credentials, clientAddress(req.headers));
          // next-auth sends a thrown error's message to the page as its code.
          if (!result.ok) throw new Error(result.reason);
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    logger: {
      // next-auth logs whole error objects (with the account's tokens beside them): keep only
      // the error's words, blanked where they could hold a secret. Handler errors wrap theirs.
      error: (code, metadata) => console.error(`[next-auth] ${code}`, safeErrorText(metadataError(metadata))),
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => undefined,
    },
  };
}
