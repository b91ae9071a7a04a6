import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { RevokeInviteButton } from "@/components/members/revoke-invite-button";
import { Card, PageHeader } from "@/components/ui/card";
import { Cell, DataTable, HeaderCell, TableHead, TableRow } from "@/components/ui/data-table";
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
        description={
          "Who can use this workspace. Members manage their own Zoom credentials; " +
          "admins and owners see and manage all of them."
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <h2 className="mb-1 font-medium">Invite someone</h2>
          <p className="mb-4 text-sm text-slate-600">
            Type the person’s email, create a link and send it yourself (by chat or email). Only that address
            can join with it. No email server needed.
          </p>
          <InviteForm slug={ctx.workspace.slug} canInviteOwner={isOwner} />
        </Card>

        <DataTable caption={`People in ${ctx.workspace.name}`}>
          <TableHead>
            <HeaderCell>Name</HeaderCell>
            <HeaderCell hideBelow="md">Email</HeaderCell>
            <HeaderCell>Role</HeaderCell>
            <HeaderCell hideBelow="lg">Joined</HeaderCell>
            <HeaderCell align="right">Actions</HeaderCell>
          </TableHead>
          <tbody>
            {members.map((member) => {
              const canManage = member.role !== "owner" || isOwner;
              return (
                <TableRow key={member.id}>
                  <Cell className="font-medium">
                    {member.user.name}
                    {member.user.id === ctx.user.id && (
                      <span className="ml-1 text-xs text-slate-500">(you)</span>
                    )}
                  </Cell>
                  <Cell hideBelow="md" className="wrap-anywhere">
                    {member.user.email}
                  </Cell>
                  <Cell>{roleLabels[member.role]}</Cell>
                  <Cell hideBelow="lg">{formatDate(member.createdAt)}</Cell>
                  <Cell>
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
                  </Cell>
                </TableRow>
              );
            })}
          </tbody>
        </DataTable>

        {invites.length > 0 && (
          <DataTable caption="Open invite links">
            <TableHead>
              <HeaderCell hideBelow="md">Email</HeaderCell>
              <HeaderCell>Role</HeaderCell>
              <HeaderCell>Created</HeaderCell>
              <HeaderCell>Expires</HeaderCell>
              <HeaderCell align="right">Actions</HeaderCell>
            </TableHead>
            <tbody>
              {invites.map((invite) => (
                <TableRow key={invite.id}>
                  <Cell className="wrap-anywhere">{invite.email}</Cell>
                  <Cell>{roleLabels[invite.role as Role] ?? invite.role}</Cell>
                  <Cell>{formatDateTime(invite.createdAt)}</Cell>
                  <Cell>{formatDateTime(invite.expiresAt)}</Cell>
                  <Cell>
                    <RevokeInviteButton slug={ctx.workspace.slug} inviteId={invite.id} />
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </DataTable>
        )}
      </div>
    </>
  );
}
