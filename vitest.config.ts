import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**/*.spec.ts"],
    // Password hashing (bcrypt, cost 12) and real Zoom-emulator round trips are slow on a
    // loaded 2-core machine; 5 s made healthy tests fail there.
    testTimeout: 20_000,
  },
});
