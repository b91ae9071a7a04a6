import { ExternalLink, Lightbulb } from "lucide-react";
import type { ReactNode } from "react";
import type { GuideStep } from "@/lib/guides/types";

/** Renders a guide step's words and picture; the step's form goes in `children`. */
/** `alert` (what went wrong last time) shows right under the title, before anything else. */
export function StepFrame({
  step,
  number,
  total,
  alert,
  children,
}: {
  step: GuideStep;
  number: number;
  total: number;
  alert?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <article className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-medium text-brand-700">
          Step {number} of {total}
        </p>
        <h1 id="step-title" className="mt-1 text-2xl font-semibold tracking-tight">
          {step.title}
        </h1>
        <p className="mt-1 text-slate-600">{step.summary}</p>
      </header>

      {alert}

      {(step.instructions.length > 0 || step.illustration) && (
        <div className="grid gap-6 lg:grid-cols-2">
          {step.instructions.length > 0 && (
            <ol className="flex list-decimal flex-col gap-3 pl-5 text-sm leading-relaxed marker:font-semibold marker:text-slate-500">
              {step.instructions.map((instruction) => (
                <li key={instruction.text}>
                  {instruction.text}
                  {instruction.detail && (
                    <span className="mt-0.5 block text-slate-600">{instruction.detail}</span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {step.illustration && (
            // eslint-disable-next-line @next/next/no-img-element -- a static SVG drawn for this step
            <img
              src={step.illustration.src}
              alt={step.illustration.alt}
              className="w-full rounded-lg border border-slate-200 bg-white"
              width={480}
              height={300}
            />
          )}
        </div>
      )}

      {step.link && (
        <a
          href={step.link.href}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex w-fit items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {step.link.label}
          <ExternalLink aria-hidden className="h-4 w-4" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      )}

      {step.notes && step.notes.length > 0 && (
        <aside className="flex gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <Lightbulb aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
          <div className="flex flex-col gap-1">
            {step.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        </aside>
      )}

      {children}
    </article>
  );
}
