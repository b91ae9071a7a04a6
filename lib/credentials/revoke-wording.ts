/** What disconnecting or deleting does at Zoom (see revoke-impact.ts); plain data for the dialogs. */
export type RevokeImpact = {
  method: string;
  /** The credential is live: a person's disconnect or delete revokes its token at Zoom. */
  revokes: boolean;
  /** An OAuth revoke removes the app from the Zoom user's account. */
  uninstalls: boolean;
  zoomEmail: string | null;
  /** Live connections of the same Zoom user through the same Client ID, in any workspace. */
  otherConnections: number;
};

/** How people choose to remove a credential; "here_only" leaves Zoom alone. */
export type RemoveMode = "revoke" | "here_only";

const whose = (impact: RevokeImpact) => (impact.zoomEmail ? `${impact.zoomEmail}’s` : "the Zoom user’s");

/** The sentence about Zoom in the disconnect and delete dialogs. */
export function revokeSentence(impact: RevokeImpact): string {
  if (impact.method === "access_token")
    return "A pasted legacy token cannot be revoked from here; the stored token is deleted.";
  if (!impact.revokes)
    return `Zoom is not asked to revoke: this connection is no longer live, and a revoke would remove the app from ${whose(impact)} Zoom account, taking any newer connection with it. The stored tokens are deleted.`;
  if (!impact.uninstalls) return "Zoom is asked to revoke the token, and the stored tokens are deleted.";
  const base = `Zoom will remove the app from ${whose(impact)} Zoom account, and the stored tokens are deleted.`;
  if (impact.otherConnections === 0) return base;
  const others =
    impact.otherConnections === 1 ? "1 other connection" : `${impact.otherConnections} other connections`;
  return `${base} ${impact.zoomEmail ?? "This Zoom user"} is also connected through this Zoom app in ${others} (here or in another workspace): revoking at Zoom would stop ${impact.otherConnections === 1 ? "it" : "them"} too. “Remove here only” deletes the stored tokens and leaves Zoom alone.`;
}

/** A choice is offered only when a revoke would also kill another live connection. */
export const offersHereOnly = (impact: RevokeImpact) => impact.uninstalls && impact.otherConnections > 0;
