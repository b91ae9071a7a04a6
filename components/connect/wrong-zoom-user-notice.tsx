import { wrongZoomUser } from "@/lib/credentials/expected-zoom-user";
import { guideFor } from "@/lib/guides";
import { wizardStepUrl } from "@/lib/guides/step-url";
import { zoomConfig } from "@/lib/zoom/config";
import { WrongZoomUserAlert } from "./wrong-zoom-user-alert";

/** The server half: nothing unless Zoom came back with someone else than meant. */
export function WrongZoomUserNotice({
  slug,
  credential,
}: {
  slug: string;
  credential: { id: string; method: string; zoomEmail: string | null; expectedZoomEmail: string | null };
}) {
  const wrong = wrongZoomUser(credential);
  const guide = guideFor(credential.method);
  if (!wrong || !guide) return null;
  return (
    <WrongZoomUserAlert
      slug={slug}
      credentialId={credential.id}
      wrong={wrong}
      connectHref={wizardStepUrl(slug, credential.id, guide, guide.reconnectStep)}
      signOutUrl={`${zoomConfig().oauthBaseUrl}/signout`}
    />
  );
}
