import { z } from "zod";
import { CREDENTIAL_STATUSES } from "@/lib/credentials/status";
import { CREDENTIAL_METHODS } from "@/lib/credentials/schemas";

export const SORTABLE = [
  "name",
  "status",
  "lastRefreshedAt",
  "accessTokenExpiresAt",
  "lastUsedAt",
  "createdAt",
] as const;
export const PAGE_SIZE = 25;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/**
 * The admins' Credentials table's search parameters, parsed leniently: a
 * hand-edited URL falls back to defaults instead of failing.
 */
export const credentialFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: optionalEnum(CREDENTIAL_STATUSES),
  method: optionalEnum(CREDENTIAL_METHODS),
  owner: z.string().max(64).optional().catch(undefined),
  sort: z.enum(SORTABLE).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type CredentialFilters = z.infer<typeof credentialFiltersSchema>;

export function parseCredentialFilters(
  params: Record<string, string | string[] | undefined>,
): CredentialFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
  );
  return credentialFiltersSchema.parse(flat);
}

/** The table's address with some filters changed; defaults stay out of the URL so links stay short. */
export function credentialFiltersHref(
  base: string,
  filters: CredentialFilters,
  change: Partial<CredentialFilters>,
): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next))
    if (value !== undefined && value !== "" && !(key === "page" && value === 1))
      params.set(key, String(value));
  return `${base}?${params.toString()}`;
}

/** Whether the person narrowed the list (sorting and paging do not). */
export function isFiltered(filters: CredentialFilters): boolean {
  return Boolean(filters.q || filters.status || filters.method || filters.owner);
}
