import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { roleLabels } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { findInvite, inviteStateMessages, wrongAddressMessage } from "@/lib/members/find-invite";
import { JoinAsNewUser, JoinAsSignedInUser } from "./join-forms";

export const metadata: Metadata = { title: "Join a workspace" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(db(), token);
  if (invite.state !== "valid") {
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Invite link</h1>
        <Alert tone="warning">{inviteStateMessages[invite.state]}</Alert>
      </Card>
    );
  }
  const user = await getSessionUser();
  return (
    <Card>
      <h1 className="text-xl font-semibold">Join {invite.workspaceName}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        This invite is for <strong>{invite.email}</strong>, as <strong>{roleLabels[invite.role]}</strong>.{" "}
        {invite.role === "member"
          ? "Members set up and manage their own Zoom credentials."
          : "Admins also see and manage every Zoom credential of the workspace."}
      </p>
      {user ? (
        <>
          <p className="mb-3 text-sm">
            You are signed in as <strong>{user.email}</strong>.
          </p>
          {user.email.toLowerCase() === invite.email ? (
            <JoinAsSignedInUser token={token} workspaceName={invite.workspaceName} />
          ) : (
            <Alert tone="warning">
              {wrongAddressMessage(invite.email)} To join as {invite.email}, sign out first, then open this
              link again.
            </Alert>
          )}
        </>
      ) : (
        <>
          <JoinAsNewUser token={token} workspaceName={invite.workspaceName} email={invite.email} />
          <p className="mt-4 text-sm text-slate-600">
            Already have an account?{" "}
            <Link
              className="font-medium text-brand-700 underline"
              href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
            >
              Sign in first
            </Link>
            , then you can join with one click.
          </p>
        </>
      )}
    </Card>
  );
}
