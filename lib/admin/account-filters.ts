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
 * The Connected accounts table's search parameters, parsed leniently: a
 * hand-edited URL falls back to defaults instead of failing.
 */
export const accountFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: optionalEnum(CREDENTIAL_STATUSES),
  method: optionalEnum(CREDENTIAL_METHODS),
  owner: z.string().max(64).optional().catch(undefined),
  sort: z.enum(SORTABLE).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AccountFilters = z.infer<typeof accountFiltersSchema>;

export function parseAccountFilters(params: Record<string, string | string[] | undefined>): AccountFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
  );
  return accountFiltersSchema.parse(flat);
}
