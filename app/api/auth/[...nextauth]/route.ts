import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { baseAuthOptions } from "@/lib/auth/auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Advanced initialization: the options are built per request, so the Zoom
// handshake (a later step) can use the credential being connected.
async function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req, { params: await ctx.params }, baseAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
