// The server's start-up hook as Next.js runs it, alone in a process, for
// check-startup.test.ts: `node --import tsx testing/startup/run-startup.ts`.
// Exits 0 once the hook returns (the check passed); the check itself exits 1.
import { register } from "../../instrumentation";

process.env.NEXT_RUNTIME = "nodejs";
await register();
console.log("[run-startup] the start-up check passed");
process.exit(0);
