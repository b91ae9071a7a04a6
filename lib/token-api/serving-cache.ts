import type { ApiCaller } from "@/lib/api-keys/key-scope";
import type { AccessToken } from "@/lib/credentials/tokens/read-token";

type CachedKey = { caller: ApiCaller | null; until: number };
type CachedToken = { workspaceId: string; token: AccessToken };

// Bounded: a burst of made-up keys or ids must not grow memory without end.
const MAX_ENTRIES = 10_000;

/**
 * What the token API and the proxy keep in memory so the hot path reads no
 * database: the authenticated API key (by its hash) and each credential's
 * decrypted, still-valid access token.
 *
 * Whatever should stop being served (a disconnect, a delete, "needs
 * reconnect", a renewal, a revoked or re-scoped key) is forgotten here: at
 * once in the process that wrote it, and on PostgreSQL in every process
 * through LISTEN/NOTIFY (serving-listener.ts). A lookup that began before a
 * change may have read the old row: `generation` tells it not to cache that.
 * While `trusted()` is false (the listener is not connected) nothing is
 * served from memory.
 */
export class ServingCache {
  private keys = new Map<string, CachedKey>();
  private tokens = new Map<string, CachedToken>();
  generation = 0;
  constructor(private readonly isTrusted: () => boolean = () => true) {}

  trusted(): boolean {
    return this.isTrusted();
  }

  key(keyHash: string, now: number): CachedKey | undefined {
    const entry = this.trusted() ? this.keys.get(keyHash) : undefined;
    return entry && entry.until > now ? entry : undefined;
  }

  rememberKey(keyHash: string, entry: CachedKey, generationBefore: number): void {
    if (!this.trusted() || generationBefore !== this.generation) return;
    if (this.keys.size >= MAX_ENTRIES) this.keys.clear();
    this.keys.set(keyHash, entry);
  }

  /** The cached token when it still has `minValidityMs` left. */
  token(credentialId: string, minValidityMs: number, now: number): CachedToken | undefined {
    const entry = this.trusted() ? this.tokens.get(credentialId) : undefined;
    if (!entry) return undefined;
    if (entry.token.expiresAt.getTime() - now >= minValidityMs) return entry;
    this.tokens.delete(credentialId);
    return undefined;
  }

  rememberToken(credentialId: string, entry: CachedToken, generationBefore: number): void {
    if (!this.trusted() || generationBefore !== this.generation) return;
    if (this.tokens.size >= MAX_ENTRIES) this.tokens.clear();
    this.tokens.set(credentialId, entry);
  }

  forgetCredential(credentialId: string): void {
    this.generation++;
    this.tokens.delete(credentialId);
  }

  forgetApiKey(apiKeyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.keys) if (entry.caller?.apiKeyId === apiKeyId) this.keys.delete(hash);
  }

  forgetAll(): void {
    this.generation++;
    this.keys.clear();
    this.tokens.clear();
  }
}
