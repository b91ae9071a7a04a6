import type { WorkspaceContext } from "@/lib/auth/guard";
import { isAdmin } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";

type Viewer = Pick<WorkspaceContext, "user" | "role">;
type AppOwnership = { name: string; createdById: string; shared: boolean };

/**
 * Who changes a Zoom app (its keys, scopes and secret): an admin or owner,
 * or the app's creator while it is private to them. Every connection through
 * an app renews with the app's keys, so once the app is shared, one person's
 * wrong paste would stop everyone's connection at its next renewal.
 */
export function mayChangeZoomApp(viewer: Viewer, app: Pick<AppOwnership, "createdById" | "shared">): boolean {
  return isAdmin(viewer.role) || (!app.shared && app.createdById === viewer.user.id);
}

/**
 * The wizard's keys and scopes steps write to the credential's Zoom app. A
 * connection through a shared app never does — the app is changed on its own
 * page, by an admin — and nobody changes an app that is not theirs to change.
 * No app yet: the first save makes the person's own.
 */
export function assertWizardMayChangeApp(viewer: Viewer, app: AppOwnership | null): void {
  if (!app) return;
  if (app.shared)
    throw new AppError(
      "forbidden",
      isAdmin(viewer.role)
        ? `This connection goes through the shared Zoom app “${app.name}”: its Client ID, Client Secret and scopes belong to the app, so change them on the app’s page (Zoom apps → “${app.name}”). Nothing was changed.`
        : `This connection goes through the shared Zoom app “${app.name}”: its Client ID, Client Secret and scopes belong to the app, and only a workspace admin changes them. Nothing was changed. Press Connect to Zoom to connect your account.`,
    );
  if (!mayChangeZoomApp(viewer, app))
    throw new AppError(
      "forbidden",
      `The Zoom app “${app.name}” belongs to the person who added it: only they or a workspace admin can change its keys and scopes. Nothing was changed.`,
    );
}

/** The secret's own words: replaced from a credential's page, it changes the whole app. */
export function assertMayReplaceAppSecret(viewer: Viewer, app: AppOwnership): void {
  if (mayChangeZoomApp(viewer, app)) return;
  throw new AppError(
    "forbidden",
    app.shared
      ? `The Client Secret belongs to the shared Zoom app “${app.name}”: only a workspace admin can replace it. Nothing was changed.`
      : "Only an admin or the person who added this Zoom app can replace its secret. Nothing was changed.",
  );
}
