/**
 * The Admin area's pages, in the order its navigation shows them. The first
 * is where the main navigation's "Admin" lands.
 */
export const ADMIN_PAGES = [
  { path: "members", label: "Members" },
  { path: "api-keys", label: "API keys" },
  { path: "webhooks", label: "Webhooks" },
  { path: "n8n", label: "n8n" },
  { path: "audit", label: "Audit log" },
] as const;

export const adminHome = (slug: string) => `/w/${slug}/admin/${ADMIN_PAGES[0].path}`;
