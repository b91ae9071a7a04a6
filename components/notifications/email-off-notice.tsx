import { Alert } from "@/components/ui/alert";

/** Shown on Settings → Notifications while the server has no SMTP_URL: what is off, and how to turn it on. */
export function EmailOffNotice() {
  return (
    <Alert tone="warning" title="Email is off for this app">
      Nobody gets notification email until the server has a mail server to send through. Whoever runs this app
      sets <code className="font-mono text-xs">SMTP_URL</code> (like
      smtps://user:password@mail.example.com:465) and <code className="font-mono text-xs">MAIL_FROM</code>,
      then restarts it — see “Notifications” in the README. Your choice below is kept for when it is on.
    </Alert>
  );
}
