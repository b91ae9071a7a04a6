import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { listApiCredentials } from "@/lib/token-api/list-api-credentials";
import { withApiKey } from "@/lib/token-api/with-api-key";

/** GET /api/v1/credentials — the key's workspace's credentials; never a secret. */
export const GET = withApiKey({}, async ({ caller }) =>
  NextResponse.json(await listApiCredentials(db(), caller), { headers: { "Cache-Control": "no-store" } }),
);
