import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every route of the app, read from app/ itself so a new page or API route
 * is fuzzed without anyone remembering to list it. Paths keep their dynamic
 * segments as `[name]`; route groups `(…)` are dropped.
 */
export type Route = { pattern: string; kind: "page" | "api" };

export function appRoutes(root = path.resolve("app")): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry.startsWith("_")) continue; // private folders (server actions)
        walk(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]);
      } else if (entry === "page.tsx" || entry === "route.ts") {
        routes.push({ pattern: `/${segments.join("/")}`, kind: entry === "page.tsx" ? "page" : "api" });
      }
    }
  };
  walk(root, []);
  return routes;
}

/**
 * The route with real values for its dynamic segments, then with each
 * segment in turn replaced by every junk value (the others kept real, so the
 * junk reaches as deep as it can).
 */
export function routeVariants(pattern: string, real: (param: string) => string[], junk: string[]): string[] {
  const segments = pattern.split("/").filter(Boolean);
  const params = segments.map((segment) => /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1] ?? null);
  const build = (pick: (index: number, param: string) => string) =>
    `/${segments.map((segment, index) => (params[index] ? pick(index, params[index]) : segment)).join("/")}`;
  const variants = new Set<string>();
  const firstReal = (param: string) => real(param)[0] ?? "x";
  params.forEach((param, index) => {
    if (!param) return;
    for (const value of [...real(param), ...junk])
      variants.add(build((i, p) => (i === index ? value : firstReal(p))));
  });
  if (variants.size === 0) variants.add(build(() => ""));
  return [...variants];
}
