import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/lib/db/temp-database";
import { revokeImpact, revokeImpacts } from "./revoke-impact";

// Zoom's revoke uninstalls the app for the Zoom user: the dialog must count every other live
// connection of that user through the same Client ID, in any workspace — for a whole page at once.
let temp: Awaited<ReturnType<typeof createTempDatabase>>;
const rows: Record<string, Parameters<typeof revokeImpact>[1]> = {};

beforeAll(async () => {
  temp = await createTempDatabase();
  const db = temp.db;
  const user = await db.user.create({ data: { email: "r@example.com", name: "R", passwordHash: "x" } });
  const [one, two] = await Promise.all(
    ["w-impact-1", "w-impact-2"].map((slug) => db.workspace.create({ data: { name: slug, slug } })),
  );
  const app = (workspaceId: string, clientId: string, activePair = "development") =>
    db.zoomApp.create({
      data: {
        workspaceId,
        createdById: user.id,
        name: clientId,
        kind: "oauth",
        activePair,
        developmentClientId: clientId,
        productionClientId: `${clientId}-prod`,
      },
    });
  const appA1 = await app(one!.id, "client-a");
  const appA2 = await app(two!.id, "client-a"); // the same Zoom app, set up in another workspace
  const appB = await app(one!.id, "client-b");
  const appAProd = await app(two!.id, "client-a", "production"); // same development Client ID, but it uses production
  const connect = async (
    name: string,
    workspaceId: string,
    zoomAppId: string,
    zoomUserId: string,
    status = "connected",
  ) => {
    const c = await db.credential.create({
      data: {
        workspaceId,
        ownerId: user.id,
        name,
        method: "oauth",
        status,
        zoomAppId,
        zoomUserId,
        zoomEmail: "z@example.com",
      },
      select: {
        id: true,
        method: true,
        status: true,
        zoomUserId: true,
        zoomEmail: true,
        zoomApp: { select: { activePair: true, developmentClientId: true, productionClientId: true } },
      },
    });
    rows[name] = c;
  };
  await connect("here", one!.id, appA1.id, "zoom-user-1");
  await connect("elsewhere", two!.id, appA2.id, "zoom-user-1");
  await connect("dead elsewhere", two!.id, appA2.id, "zoom-user-1", "needs_reconnect");
  await connect("other app", one!.id, appB.id, "zoom-user-1");
  await connect("other pair", two!.id, appAProd.id, "zoom-user-1");
  await connect("alone", one!.id, appA1.id, "zoom-user-2");
  await connect("replaced", one!.id, appA1.id, "zoom-user-2", "needs_reconnect");
});
afterAll(() => temp.cleanup());

describe("what a revoke at Zoom would take with it", () => {
  it("counts live connections of the same Zoom user through the same Client ID, in any workspace", async () => {
    const names = ["here", "elsewhere", "other app", "other pair", "alone", "replaced"] as const;
    const impacts = await revokeImpacts(
      temp.db,
      names.map((name) => rows[name]!),
    );
    const byName = Object.fromEntries(names.map((name, i) => [name, impacts[i]]));
    expect(byName.here).toMatchObject({ revokes: true, uninstalls: true, otherConnections: 1 });
    expect(byName.elsewhere).toMatchObject({ revokes: true, uninstalls: true, otherConnections: 1 });
    expect(byName["other app"]).toMatchObject({ otherConnections: 0 });
    expect(byName["other pair"]).toMatchObject({ otherConnections: 0 });
    expect(byName.alone).toMatchObject({ revokes: true, otherConnections: 0 });
    // A replaced credential is never revoked: nothing to count.
    expect(byName.replaced).toMatchObject({ revokes: false, uninstalls: false, otherConnections: 0 });
  });

  it("answers the same for one credential as for a page", async () => {
    expect(await revokeImpact(temp.db, rows.here!)).toEqual((await revokeImpacts(temp.db, [rows.here!]))[0]);
    expect(await revokeImpacts(temp.db, [])).toEqual([]);
  });
});
