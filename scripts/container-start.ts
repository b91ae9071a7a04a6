// The container's entry (Dockerfile): the same preparation as `npm start`
// (configuration checked, secrets generated into DATA_DIR on first run,
// migrations applied), then the same server as `npm start` (Next.js behind
// the app's own HTTP server, which knows each request's socket address and
// refuses dot segments), in this same process so signals reach it directly.
// Bundled into container-start.mjs at image build time: the slim image has
// neither tsx nor the TypeScript sources.
import { readFileSync } from "node:fs";
import path from "node:path";
import { startAppServer } from "../lib/http/app-server.mjs";
import { prepareDatabase } from "./lib/prepare-database";

const env = await prepareDatabase();
console.log(`[start] open ${env.appUrl}`);
// Next's standalone output has no next.config.js: the build wrote its configuration here,
// and Next's own standalone server hands it on the same way.
const { config } = JSON.parse(
  readFileSync(path.join(process.cwd(), ".next", "required-server-files.json"), "utf8"),
) as { config: Record<string, unknown> };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
await startAppServer({ conf: config });
