// npm run sandbox — the whole app with a simulated Zoom, for a walk through
// every wizard without a Zoom account: the Zoom emulator with a demo OAuth
// app, a demo Server-to-Server app and a demo user, plus the app pointed at it.
// Its data lives apart from the real data (data/sandbox).
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3000";
const appUrl = (process.env.APP_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");
const emulatorPort = process.env.ZOOM_EMULATOR_PORT ?? "4010";
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  APP_URL: appUrl,
  DATA_DIR: process.env.DATA_DIR ?? "data/sandbox",
  ZOOM_OAUTH_BASE_URL: emulatorUrl,
  ZOOM_API_BASE_URL: `${emulatorUrl}/v2`,
  ZOOM_SANDBOX: "1",
};
delete env.DATABASE_URL; // the sandbox never touches a configured production database

const children = [
  spawn(process.execPath, ["--import", "tsx", "testing/zoom-emulator/main.ts"], {
    stdio: "inherit",
    env: {
      ...env,
      PORT: emulatorPort,
      ZOOM_EMULATOR_PORT: emulatorPort,
      ZOOM_EMULATOR_DEMO: "1",
      ZOOM_EMULATOR_REDIRECT_URL: `${appUrl}/api/auth/callback/zoom`,
    },
  }),
  spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
