/** Why no token can be handed out: a person must act, or Zoom is away for now. */
export class TokenUnavailableError extends Error {
  override name = "TokenUnavailableError";
  constructor(
    readonly reason: "reconnect_required" | "zoom_unavailable",
    readonly userMessage: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(userMessage);
  }
}
