import type * as Password from "@/lib/auth/password";

/**
 * The password module for tests that count slow hashes: hashPassword counts
 * and returns at once, so parallel callers really run in parallel.
 * Use in a vi.mock factory: `vi.mock("@/lib/auth/password", () => countedPassword(hashes))`.
 */
export async function countedPassword(hashes: { count: number }): Promise<typeof Password> {
  const real = await import("@/lib/auth/password");
  return {
    ...real,
    hashPassword: (password: string) => {
      hashes.count++;
      return Promise.resolve(`not a real hash of ${password.length} characters`);
    },
  };
}
