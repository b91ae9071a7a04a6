import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ReactNode } from "react";

const tones = {
  info: { box: "border-brand-100 bg-brand-50 text-slate-800", Icon: Info, icon: "text-brand-600" },
  success: { box: "border-green-200 bg-green-50 text-green-900", Icon: CheckCircle2, icon: "text-green-600" },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-900",
    Icon: AlertTriangle,
    icon: "text-amber-600",
  },
  error: { box: "border-red-200 bg-red-50 text-red-900", Icon: XCircle, icon: "text-red-600" },
} as const;

/** A message box. Errors are announced right away (role="alert"), others politely. */
export function Alert({
  tone = "info",
  title,
  children,
}: {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
}) {
  const { box, Icon, icon } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`flex gap-3 rounded-md border p-3 text-sm ${box}`}
    >
      <Icon aria-hidden className={`mt-0.5 h-4 w-4 shrink-0 ${icon}`} />
      <div className="flex flex-col gap-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
