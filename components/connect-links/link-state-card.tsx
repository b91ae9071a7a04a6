import { Card } from "@/components/ui/card";
import { connectLinkStateMessages } from "@/lib/connect-links/find-connect-link";

const titles = {
  used: "This link has already been used",
  expired: "This link has expired",
  revoked: "This link was withdrawn",
  unknown: "This link is not valid",
} as const;

/**
 * A link that cannot be used any more, said plainly (never an error page).
 * `takenByOther`: this person came back from Zoom just after someone else used the link.
 */
export function LinkStateCard({
  state,
  takenByOther = false,
}: {
  state: keyof typeof titles;
  takenByOther?: boolean;
}) {
  return (
    <Card>
      <h1 className="text-xl font-semibold">{titles[state]}</h1>
      {takenByOther && state === "used" && (
        <p className="mt-2 text-sm text-slate-600">
          Someone else came back from Zoom with this link a moment before you, so your Zoom account was not
          connected.
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">{connectLinkStateMessages[state]}</p>
      <p className="mt-2 text-sm text-slate-600">
        {takenByOther && state === "used"
          ? "Zoom may list the app among your Added Apps (App Marketplace → Manage): you can remove it there."
          : "Nothing was changed in your Zoom account."}
      </p>
    </Card>
  );
}
