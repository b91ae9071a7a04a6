/**
 * Said before Connect: an unpublished Zoom app can be authorized only by users
 * of the Zoom account it was built in; anyone else gets Zoom's own page
 * ("You cannot authorize the app") and never comes back to us.
 */
export const PRIVATE_APP_SENTENCE =
  "Only users of the Zoom account this app was built in can authorize it, as long as the app is not published on the Zoom App Marketplace.";

export function PrivateAppNote() {
  return (
    <p className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800">
      <span className="font-medium">Who can authorize it: </span>
      {PRIVATE_APP_SENTENCE}
    </p>
  );
}
