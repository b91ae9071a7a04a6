// A simulated day of a connection used in n8n and by nothing else: no node
// fetches its token, so only "used in n8n" keeps it busy for the keeper. Every
// few minutes the keeper and the pusher run (as every instance does), and the
// Zoom node's call is made with whatever token n8n holds: it must always work.
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { WorkspaceContext } from "@/lib/auth/guard";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { decrypt } from "@/lib/crypto";
import { credentialSecretContext } from "@/lib/crypto/encrypted-columns";
import { keeperTick } from "@/lib/keeper/keeper-tick";
import { saveN8nTarget } from "./n8n-target";
import { runN8nPushRound } from "./push-round";
import { heldToken, startFakeN8n, type FakeN8n } from "../../testing/n8n/fake-n8n";
import { startUsingInN8n } from "./use-in-n8n";

const t = setupTokenTest();
let fake: FakeN8n;
beforeAll(async () => {
  fake = await startFakeN8n();
});
afterAll(() => fake.close());
afterEach(() => vi.useRealTimers());

const MIN = 60_000;

async function storedAccessToken(id: string): Promise<string> {
  const row = await t.db.credential.findUniqueOrThrow({ where: { id }, select: { accessTokenEnc: true } });
  return decrypt(row.accessTokenEnc!, credentialSecretContext(id, "accessTokenEnc"));
}
const STEP_MS = 5 * MIN;

it(
  "a day: the keeper renews ahead of expiry, every renewal reaches n8n, and the node's token never runs out",
  { timeout: 180_000 },
  async () => {
    const seeded = await t.seedOAuth({ accessExpiresInMs: 50 * MIN });
    const row = await t.db.credential.findUniqueOrThrow({
      where: { id: seeded.id },
      select: { workspace: { select: { id: true, slug: true, name: true } }, owner: true },
    });
    const ctx: WorkspaceContext = {
      workspace: row.workspace,
      user: { id: row.owner.id, name: row.owner.name, email: row.owner.email },
      role: "owner",
    };
    await saveN8nTarget(t.db, ctx, { baseUrl: fake.url, apiKey: fake.key() });
    const { n8nCredentialId } = await startUsingInN8n(t.db, ctx, { credentialId: seeded.id });
    const tokenCallsBefore = (await t.tokenCalls()).refresh_token;

    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const held = new Set<string>();
    let nodeCalls = 0;
    for (let at = start; at <= start + 24 * 60 * MIN; at += STEP_MS) {
      vi.setSystemTime(at);
      const now = new Date(at);
      await keeperTick(t.db, { now, instance: "day" });
      await runN8nPushRound(t.db, now);
      // The Zoom node runs now, with the token n8n holds (Zoom's own clock is the same simulated one).
      const token = heldToken(fake, n8nCredentialId)!;
      held.add(token);
      // Renewed ahead: n8n holds the current token, with minutes to spare (not seconds).
      expect(token).toBe(await storedAccessToken(seeded.id));
      const { accessTokenExpiresAt } = await t.db.credential.findUniqueOrThrow({
        where: { id: seeded.id },
        select: { accessTokenExpiresAt: true },
      });
      expect(accessTokenExpiresAt!.getTime() - at, `time left at +${(at - start) / MIN} min`).toBeGreaterThan(
        5 * MIN,
      );
      const answer = await fetch(`${t.emulator.url}/v2/users/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status, `the node's call at +${(at - start) / MIN} min`).toBe(200);
      nodeCalls++;
    }
    const renewals = (await t.tokenCalls()).refresh_token - tokenCallsBefore;
    // Renewed ahead of each hour's expiry (not once a day as an idle connection would be), each pushed.
    expect(renewals).toBeGreaterThanOrEqual(24);
    expect(renewals).toBeLessThanOrEqual(30);
    expect(held.size).toBeGreaterThanOrEqual(renewals);
    expect(nodeCalls).toBe(24 * 12 + 1);
  },
);
