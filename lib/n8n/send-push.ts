import type { Db } from "@/lib/db/client";
import { getAccessToken } from "@/lib/credentials/tokens/get-access-token";
import { TokenUnavailableError } from "@/lib/credentials/tokens/token-errors";
import { isLive } from "@/lib/credentials/status";
import {
  replaceZoomCredentialData,
  type N8nAnswer,
  type N8nTargetKeys,
  type PushedTokenData,
} from "./n8n-api";
import { n8nTargetKeys } from "./n8n-target";
import type { PushKind } from "./push-outbox";

export type ClaimedPush = {
  id: string;
  linkId: string;
  credentialId: string;
  targetId: string;
  n8nCredentialId: string;
  kind: PushKind;
};

/**
 * What one push ended as. `answer` is n8n's last answer (none when nothing
 * had to be sent); `version` the credential version whose token n8n now holds.
 */
export type PushOutcome =
  | { result: "pushed"; answer: N8nAnswer; version: number }
  | { result: "emptied"; answer: N8nAnswer }
  | { result: "nothing_to_do"; why: string }
  | { result: "failed"; answer: N8nAnswer };

/** How many times one push follows a change that happened while it was sent. */
const FOLLOW_CHANGES = 3;

const tokenData = (token: { accessToken: string; expiresAt: Date }, now: Date): PushedTokenData => ({
  access_token: token.accessToken,
  token_type: "Bearer",
  expires_in: Math.max(0, Math.floor((token.expiresAt.getTime() - now.getTime()) / 1000)),
});

/** What n8n should hold now for this link: the live token, or nothing (stopped, disconnected, deleted). */
async function shouldHoldToken(
  db: Db,
  linkId: string,
): Promise<{ credentialId: string; pushedVersion: number | null } | null> {
  const link = await db.n8nLink.findUnique({
    where: { id: linkId },
    select: { credentialId: true, pushedVersion: true, credential: { select: { status: true } } },
  });
  return link && isLive(link.credential.status) ? link : null;
}

/**
 * Another link now uses the same n8n credential ("Use in n8n" linked it again):
 * an old empty push must not blank the token that link gives it.
 */
async function credentialTakenAgain(db: Db, push: ClaimedPush): Promise<boolean> {
  const live = await db.n8nLink.findFirst({
    where: { targetId: push.targetId, n8nCredentialId: push.n8nCredentialId, id: { not: push.linkId } },
    select: { id: true },
  });
  return live !== null;
}

/**
 * Sends one claimed push. A token push sends the connection's token as it is
 * now (never the refresh token), fresh enough to use (getAccessToken renews
 * one about to run out); then looks again, because a renewal, a stop or a
 * disconnect may have been sent while ours was on its way and ours may have
 * landed last: it follows with the newer token, or empties n8n's.
 */
export async function sendPush(db: Db, push: ClaimedPush): Promise<PushOutcome> {
  const keys = await n8nTargetKeys(db, push.targetId);
  if (!keys) return { result: "nothing_to_do", why: "The workspace's n8n was removed." };
  if (push.kind === "empty") return sendEmpty(db, keys, push);

  for (let round = 0; ; round++) {
    const holding = await shouldHoldToken(db, push.linkId);
    if (!holding)
      return { result: "nothing_to_do", why: "The connection is no longer used in n8n or not connected." };
    let token;
    try {
      token = await getAccessToken(db, holding.credentialId);
    } catch (error) {
      if (!(error instanceof TokenUnavailableError)) throw error;
      if (error.reason === "reconnect_required") return { result: "nothing_to_do", why: error.userMessage };
      return {
        result: "failed",
        answer: { ok: false, status: null, words: `No fresh token to give n8n: ${error.userMessage}` },
      };
    }
    // A renewal's push that a later one already delivered: nothing newer to say.
    if (
      push.kind === "token" &&
      round === 0 &&
      holding.pushedVersion !== null &&
      holding.pushedVersion >= token.version
    )
      return { result: "nothing_to_do", why: "n8n already has this token." };
    const answer = await replaceZoomCredentialData(keys, {
      n8nCredentialId: push.n8nCredentialId,
      token: tokenData(token, new Date()),
    });
    if (!answer.ok) return { result: "failed", answer };
    const after = await shouldHoldToken(db, push.linkId);
    if (!after) {
      // Stopped or disconnected while ours was on its way: its empty push may have landed first.
      const emptied = await sendEmpty(db, keys, push);
      return emptied.result === "failed"
        ? emptied
        : { result: "nothing_to_do", why: "Stopped while pushing." };
    }
    const current = await db.credential.findUnique({
      where: { id: after.credentialId },
      select: { version: true },
    });
    if (!current || current.version === token.version || round + 1 >= FOLLOW_CHANGES)
      return { result: "pushed", answer, version: token.version };
  }
}

async function sendEmpty(db: Db, keys: N8nTargetKeys, push: ClaimedPush): Promise<PushOutcome> {
  // Reconnected since the disconnect: the token push that followed is what n8n should hold.
  if (await shouldHoldToken(db, push.linkId))
    return { result: "nothing_to_do", why: "The connection works again; n8n keeps its token." };
  if (await credentialTakenAgain(db, push))
    return { result: "nothing_to_do", why: "Another connection now uses this n8n credential." };
  const answer = await replaceZoomCredentialData(keys, {
    n8nCredentialId: push.n8nCredentialId,
    token: null,
  });
  // Deleted in n8n already: nothing there holds the token.
  if (!answer.ok && answer.status !== 404) return { result: "failed", answer };
  return { result: "emptied", answer };
}
