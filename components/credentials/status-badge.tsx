import { asStatus, statusLabels } from "@/lib/credentials/status";

const tones = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  connected: "bg-green-50 text-green-800 ring-green-300",
  expiring_soon: "bg-amber-50 text-amber-900 ring-amber-300",
  needs_reconnect: "bg-red-50 text-red-800 ring-red-300",
  revoked: "bg-slate-100 text-slate-600 ring-slate-300",
  error: "bg-orange-50 text-orange-900 ring-orange-300",
} as const;

export function StatusBadge({ status }: { status: string }) {
  const value = asStatus(status);
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[value]}`}
    >
      {statusLabels[value]}
    </span>
  );
}
