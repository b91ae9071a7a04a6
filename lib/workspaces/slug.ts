import { randomBytes } from "node:crypto";

/** A URL-safe slug from a workspace name, with a short random tail so it is unique and unguessable. */
export function workspaceSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30);
  return `${base || "workspace"}-${randomBytes(3).toString("hex")}`;
}
