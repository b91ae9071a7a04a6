import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Tests of what only a networked database does (a cut connection): run in the PostgreSQL pass.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: [
      "node_modules/**",
      ".next/**",
      "e2e/**/*.spec.ts",
      ...(onPostgres ? [] : ["**/*.postgres.test.ts"]),
    ],
    // Password hashing (bcrypt, cost 12) and real Zoom-emulator round trips are slow on a
    // loaded 2-core machine; 5 s made healthy tests fail there.
    testTimeout: 20_000,
    // Vitest's default here is one worker (cores − 1); many tests wait on bcrypt, the emulator or a
    // database, so two workers take about two thirds of the time on 2 cores (three timed tests out).
    maxWorkers: 2,
  },
});
