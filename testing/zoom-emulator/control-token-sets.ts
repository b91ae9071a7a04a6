import { z } from "zod";
import { parseWith, type Reply } from "./control-route";
import { mintTokenSet } from "./mint";
import type { EmulatorState } from "./state";

// Seeding many connections for the keeper's tests and bench: one consent walk
// per connection would take minutes at 100,000 (and a new authorization of the
// same user and app kills the earlier set), so live sets are minted directly.
const tokenSetsInput = z.object({
  clientId: z.string().min(1),
  userId: z.string().min(1),
  count: z.number().int().min(1).max(10_000),
  /** The access tokens' remaining life (negative: already expired). Default Zoom's 3599 s. */
  accessExpiresInSeconds: z.number().int().optional(),
});

/** POST /token-sets: `count` live token sets of one OAuth app and user, as a refresh would issue them. */
export async function mintTokenSets(state: EmulatorState, body: unknown): Promise<Reply> {
  const input = parseWith(tokenSetsInput, body);
  if (!("clientId" in input)) return input;
  const match = state.findClient(input.clientId);
  if (!match || match.app.type !== "oauth") return [404, { error: `no OAuth app ${input.clientId}` }];
  const user = state.users.get(input.userId);
  if (!user) return [404, { error: `no user ${input.userId}` }];
  const sets = [];
  for (let i = 0; i < input.count; i++) {
    const record = await mintTokenSet(
      state,
      {
        appKey: match.app.clientId,
        clientId: input.clientId,
        userId: user.id,
        accountId: user.accountId,
        scopes: match.app.scopes,
        grant: "authorization_code",
      },
      true,
    );
    if (input.accessExpiresInSeconds !== undefined)
      record.accessExpiresAtMs = state.now() + input.accessExpiresInSeconds * 1000;
    sets.push({
      accessToken: record.accessToken,
      refreshToken: record.refreshToken,
      accessExpiresAt: new Date(record.accessExpiresAtMs).toISOString(),
      scopes: record.scopes,
    });
  }
  return [200, { sets }];
}
