import { NextResponse } from "next/server";

// A constant answer: load balancers' health checks, and the benchmark's
// measure of what this server can do at best (scripts/bench-token-api.ts).
const body = { ok: true };

export function GET() {
  return NextResponse.json(body);
}
