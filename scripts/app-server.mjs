// `npm start`'s server (scripts/start.ts runs it): Next.js behind the app's own
// HTTP server (lib/http/app-server.mjs). Plain JavaScript, so Next.js's own code
// runs without a TypeScript loader.
import { startAppServer } from "../lib/http/app-server.mjs";

await startAppServer();
