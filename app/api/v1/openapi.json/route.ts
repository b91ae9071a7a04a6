import { NextResponse } from "next/server";
import { apiDocument } from "@/lib/openapi/api-document";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document; public, like the README. */
export function GET() {
  return NextResponse.json(apiDocument());
}
