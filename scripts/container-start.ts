// The container's entry (Dockerfile): the same preparation as `npm start`
// (configuration checked, secrets generated into DATA_DIR on first run,
// migrations applied), then Next's standalone server in this same process, so
// signals reach it directly. Bundled into container-start.mjs at image build
// time: the slim image has neither tsx nor the TypeScript sources.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prepareDatabase } from "./lib/prepare-database";

const env = await prepareDatabase();
console.log(`[start] open ${env.appUrl}`);
// A computed path: the bundler must leave the standalone server (next to this file) out.
await import(pathToFileURL(path.join(process.cwd(), "server.js")).href);
