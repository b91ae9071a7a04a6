import type { ReactNode } from "react";
import { KeyRound } from "lucide-react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-6 flex items-center gap-2 text-slate-700">
        <KeyRound aria-hidden className="h-5 w-5 text-brand-600" />
        <span className="font-semibold">Zoom Credential Wizard</span>
      </div>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
