import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { handleZoomEvent } from "@/lib/zoom-apps/events/handle-zoom-event";

// Zoom's events are small; anything far bigger is not Zoom.
const MAX_BODY_BYTES = 64 * 1024;

/** POST /api/zoom/events/{appId} — Zoom's event notifications for one Zoom app, signature-checked. */
export async function POST(request: NextRequest, context: { params: Promise<{ appId: string }> }) {
  const { appId } = await context.params;
  if (!/^[a-z0-9]{1,64}$/i.test(appId)) return NextResponse.json({ error: "not_found" }, { status: 404 });
  // The signature covers the raw bytes: read the text, never a re-serialised JSON.
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES)
    return NextResponse.json({ error: "too_large" }, { status: 413 });
  const answer = await handleZoomEvent(db(), {
    zoomAppId: appId,
    rawBody,
    timestamp: request.headers.get("x-zm-request-timestamp"),
    signature: request.headers.get("x-zm-signature"),
  });
  return NextResponse.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}
