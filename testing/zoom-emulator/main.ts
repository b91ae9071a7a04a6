// `npm run zoom:emulator`: run the Zoom emulator on its own (offline sandbox, manual e2e).
import { emulatorControl } from "./control-client";
import { registerDemoData } from "./demo-data";
import { startZoomEmulator } from "./server";

const DEFAULT_PORT = 4010;

function readPort(): number {
  const raw = process.env.ZOOM_EMULATOR_PORT ?? process.env.PORT;
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`ZOOM_EMULATOR_PORT/PORT must be a port number, got "${raw}"`);
  }
  return port;
}

const emulator = await startZoomEmulator({ port: readPort(), host: "127.0.0.1" });
if (process.env.ZOOM_EMULATOR_REFUSE_LOCALHOST === "1") {
  await emulatorControl(emulator.url).settings({ refuseLocalhost: true });
  console.log("[zoom-emulator] plain http://localhost redirect URLs are refused (4700)");
}
if (process.env.ZOOM_EMULATOR_DEMO === "1") {
  await registerDemoData(emulator.url, process.env.ZOOM_EMULATOR_REDIRECT_URL || undefined);
  console.log("[zoom-emulator] demo apps and user registered");
}
console.log(`[zoom-emulator] listening on ${emulator.url}`);
console.log(`[zoom-emulator] ZOOM_OAUTH_BASE_URL=${emulator.url} ZOOM_API_BASE_URL=${emulator.url}/v2`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().finally(() => process.exit(0));
  });
}
