// The end-to-end tests' web server: a fresh database, the Zoom emulator, and
// the app's production build through the same `npm start` script people use.
import { spawn } from "node:child_process";
import { resetDatabase } from "./reset-database";
import { E2E_DATA_DIR, E2E_EMULATOR_PORT, e2eDatabaseUrl, e2eEnv } from "./test-env";

const env = { ...process.env, ...e2eEnv() };
await resetDatabase(e2eDatabaseUrl(), E2E_DATA_DIR);

const children = [
  spawn(process.execPath, ["--import", "tsx", "testing/zoom-emulator/main.ts"], {
    stdio: "inherit",
    env: { ...env, PORT: String(E2E_EMULATOR_PORT) },
  }),
  spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env }),
  spawn(process.execPath, ["--import", "tsx", "e2e/support/notification-sink.ts"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
