import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** One route.ts under app/api, with its address as OpenAPI spells it (`[id]` → `{id}`). */
export type ApiRouteFile = { template: string; file: string; catchAll: string | null };

/** Every route handler under app/api, read from the folders, so a new route cannot be missed. */
export function apiRouteFiles(root = path.resolve("app/api")): ApiRouteFile[] {
  const routes: ApiRouteFile[] = [];
  const walk = (dir: string, segments: string[], catchAll: string | null = null) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry.startsWith("_")) continue; // private folders are no routes
        const [, dots, param] = /^\[(\.\.\.)?(\w+)\]$/.exec(entry) ?? [];
        if (/^\(.*\)$/.test(entry)) walk(full, segments, catchAll);
        else walk(full, [...segments, param ? `{${param}}` : entry], dots && param ? param : catchAll);
      } else if (entry === "route.ts") {
        routes.push({ template: `/api/${segments.join("/")}`, file: full, catchAll });
      }
    }
  };
  walk(root, []);
  return routes;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** The params Next.js hands a route for `path` (a catch-all gets the rest of the segments). */
export function routeParams(route: ApiRouteFile, path: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  const parts = path.split("?")[0]!.split("/");
  route.template.split("/").forEach((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return;
    params[name] =
      name === route.catchAll ? parts.slice(i).map(decodeURIComponent) : decodeURIComponent(parts[i] ?? "");
  });
  return params;
}
