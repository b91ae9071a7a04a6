import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { baseAuthOptions } from "./auth-options";

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in person, read once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(baseAuthOptions());
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email };
});
