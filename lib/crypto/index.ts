import { getEnv } from "@/lib/env";
import { buildKeyRing, type KeyRing } from "./keyring";
import { decryptSecret, encryptSecret } from "./secret-box";

export { DecryptionError } from "./secret-box";

let ring: KeyRing | undefined;

/** The configured keys (ENCRYPTION_KEY, newest first). */
export function appKeyRing(): KeyRing {
  ring ??= buildKeyRing(getEnv().encryptionKeys);
  return ring;
}

export const encrypt = (plaintext: string, context: string) =>
  encryptSecret(appKeyRing(), plaintext, context);
export const decrypt = (ciphertext: string, context: string) =>
  decryptSecret(appKeyRing(), ciphertext, context);
