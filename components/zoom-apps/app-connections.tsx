import Link from "next/link";
import { StatusBadge } from "@/components/credentials/status-badge";

type Connection = {
  id: string;
  name: string;
  status: string;
  zoomEmail: string | null;
  owner: { name: string };
};

/** The credentials connected through one app (admins only: members never see others' credentials). */
export function AppConnections({ slug, connections }: { slug: string; connections: Connection[] }) {
  return (
    <section
      aria-labelledby="app-connections-title"
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="app-connections-title" className="text-lg font-semibold">
        Credentials through this app
      </h2>
      {connections.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nobody has connected through it yet.</p>
      ) : (
        <ul className="mt-3 flex flex-col divide-y divide-slate-100 text-sm">
          {connections.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link
                  href={`/w/${slug}/credentials/${c.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {c.name}
                </Link>{" "}
                <span className="text-slate-500">
                  {c.zoomEmail ?? "not connected yet"} · owned by {c.owner.name}
                </span>
              </span>
              <StatusBadge status={c.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
