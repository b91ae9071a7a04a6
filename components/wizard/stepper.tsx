import { Check } from "lucide-react";
import Link from "next/link";
import type { GuideStep } from "@/lib/guides/types";

/**
 * Where the person is. Finished steps are links (to go back and change
 * something); steps not reached yet are plain text.
 */
export function Stepper({
  steps,
  current,
  reachable,
  hrefFor,
}: {
  steps: readonly GuideStep[];
  current: string;
  reachable: (key: string) => boolean;
  hrefFor: (key: string) => string;
}) {
  const currentIndex = steps.findIndex((s) => s.key === current);
  return (
    <nav aria-label="Setup steps">
      <ol className="flex flex-col gap-1">
        {steps.map((step, index) => {
          const isCurrent = step.key === current;
          // The last step ("Connected") is itself a finished state.
          const done = index < currentIndex || (isCurrent && index === steps.length - 1);
          const circle = (
            <span
              aria-hidden
              className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${isCurrent ? "bg-brand-600 text-white" : done ? "bg-green-600 text-white" : "bg-slate-200 text-slate-600"}`}
            >
              {done ? <Check className="h-3.5 w-3.5" /> : index + 1}
            </span>
          );
          const label = (
            <>
              {circle}
              <span className="sr-only">Step {index + 1}: </span>
              <span>{step.title}</span>
            </>
          );
          const base = "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm";
          return (
            <li key={step.key}>
              {isCurrent ? (
                <span aria-current="step" className={`${base} bg-brand-50 font-medium text-brand-700`}>
                  {label}
                </span>
              ) : reachable(step.key) ? (
                <Link href={hrefFor(step.key)} className={`${base} text-slate-700 hover:bg-slate-100`}>
                  {label}
                </Link>
              ) : (
                <span className={`${base} text-slate-500`}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
