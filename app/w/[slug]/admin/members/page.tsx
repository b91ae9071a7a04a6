import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { RevokeInviteButton } from "@/components/members/revoke-invite-button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { requireWorkspacePage } from "@/lib/auth/guard";
import { hasRole, roleLabels, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listOpenInvites } from "@/lib/members/list-invites";
import { listMembers } from "@/lib/members/manage-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await requireWorkspacePage((await params).slug, "admin");
  const [members, invites] = await Promise.all([
    listMembers(db(), ctx.workspace.id),
    listOpenInvites(db(), ctx.workspace.id),
  ]);
  const isOwner = hasRole(ctx.role, "owner");
  const assignable: Role[] = isOwner ? ["member", "admin", "owner"] : ["member", "admin"];

  return (
    <>
      <PageHeader
        title="Members"
        description="Who can use this workspace. Members manage their own Zoom credentials; admins and owners see and manage all of them."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <h2 className="mb-1 font-medium">Invite someone</h2>
          <p className="mb-4 text-sm text-slate-600">
            Create a link and send it yourself (by chat or email). No email server needed.
          </p>
          <InviteForm slug={ctx.workspace.slug} canInviteOwner={isOwner} />
        </Card>

        <Card className="overflow-x-auto p-0">
          <table className="w-full text-sm">
            <caption className="px-6 pt-4 pb-2 text-left font-medium">People in {ctx.workspace.name}</caption>
            <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2">
                  Name
                </th>
                <th scope="col" className="px-6 py-2">
                  Email
                </th>
                <th scope="col" className="px-6 py-2">
                  Role
                </th>
                <th scope="col" className="px-6 py-2">
                  Joined
                </th>
                <th scope="col" className="px-6 py-2 text-right">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const canManage = member.role !== "owner" || isOwner;
                return (
                  <tr key={member.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-6 py-3 font-medium">
                      {member.user.name}
                      {member.user.id === ctx.user.id && (
                        <span className="ml-1 text-xs text-slate-500">(you)</span>
                      )}
                    </td>
                    <td className="px-6 py-3">{member.user.email}</td>
                    <td className="px-6 py-3">{roleLabels[member.role]}</td>
                    <td className="px-6 py-3">{formatDate(member.createdAt)}</td>
                    <td className="px-6 py-3">
                      {canManage ? (
                        <MemberRowActions
                          slug={ctx.workspace.slug}
                          membershipId={member.id}
                          name={member.user.name}
                          role={member.role}
                          assignable={assignable}
                          apiKeyNames={member.apiKeyNames}
                        />
                      ) : (
                        <p className="text-right text-xs text-slate-500">Only owners can change owners</p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>

        {invites.length > 0 && (
          <Card className="overflow-x-auto p-0">
            <table className="w-full text-sm">
              <caption className="px-6 pt-4 pb-2 text-left font-medium">Open invite links</caption>
              <thead className="border-b border-slate-200 text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="px-6 py-2">
                    Role
                  </th>
                  <th scope="col" className="px-6 py-2">
                    Created
                  </th>
                  <th scope="col" className="px-6 py-2">
                    Expires
                  </th>
                  <th scope="col" className="px-6 py-2 text-right">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id} className="border-b border-slate-100 last:border-0">
                    <td className="px-6 py-3">{roleLabels[invite.role as Role] ?? invite.role}</td>
                    <td className="px-6 py-3">{formatDateTime(invite.createdAt)}</td>
                    <td className="px-6 py-3">{formatDateTime(invite.expiresAt)}</td>
                    <td className="px-6 py-3">
                      <RevokeInviteButton slug={ctx.workspace.slug} inviteId={invite.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}
