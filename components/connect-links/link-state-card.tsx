import { Card } from "@/components/ui/card";
import { connectLinkStateMessages } from "@/lib/connect-links/find-connect-link";

const titles = {
  used: "This link has already been used",
  expired: "This link has expired",
  revoked: "This link was withdrawn",
  unknown: "This link is not valid",
} as const;

/** A link that cannot be used any more, said plainly (never an error page). */
export function LinkStateCard({ state }: { state: keyof typeof titles }) {
  return (
    <Card>
      <h1 className="text-xl font-semibold">{titles[state]}</h1>
      <p className="mt-2 text-sm text-slate-600">{connectLinkStateMessages[state]}</p>
      <p className="mt-2 text-sm text-slate-600">Nothing was changed in your Zoom account.</p>
    </Card>
  );
}
