"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { FixLinks } from "@/lib/guides/step-url";
import { explainZoomMessage, type ZoomMessageExplanation } from "@/lib/zoom/explain-zoom-message";
import type { ZoomFlow } from "@/lib/zoom/error-types";

// The catalogue is plain data (words and step numbers), so the lookup runs in
// the browser: an answer needs no round trip and no session, and the same
// field works on any page that shows a connect button.
const MAX_LENGTH = 2000;

/**
 * "Zoom showed me an error": several failures stay on Zoom's own pages and
 * never reach the app, so the person tells us what Zoom showed. The answer
 * lands in a live region; a fix on another step comes with its link.
 */
export function ZoomMessageExplainer({ flow, fixLinks }: { flow: ZoomFlow; fixLinks: FixLinks }) {
  const id = useId();
  const [text, setText] = useState("");
  const [answer, setAnswer] = useState<ZoomMessageExplanation | null>(null);
  const [empty, setEmpty] = useState(false);

  function explain(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEmpty(text.trim() === "");
    setAnswer(text.trim() === "" ? null : explainZoomMessage(text, { flow }));
  }

  const fix = answer?.entry.wizardStep ? fixLinks[answer.entry.wizardStep] : undefined;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h2 id={`${id}-title`} className="font-medium">
        Zoom showed me an error
      </h2>
      <form onSubmit={explain} className="flex flex-col gap-2" noValidate>
        <label htmlFor={`${id}-input`} className="text-sm font-medium text-slate-800">
          What Zoom showed
        </label>
        <textarea
          id={`${id}-input`}
          name="zoomMessage"
          rows={2}
          maxLength={MAX_LENGTH}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={empty ? true : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          Type the error code (for example 4700) or paste the words from Zoom’s page.
        </p>
        <Button type="submit" variant="secondary" className="w-fit">
          Explain
        </Button>
      </form>
      <div role="status" aria-live="polite" aria-label="What Zoom’s error means" className="text-sm">
        {empty && <p>Type the code or paste the words Zoom showed, then press Explain.</p>}
        {answer && (
          <div className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3">
            <p className="font-medium">{answer.entry.title}</p>
            <p>{answer.entry.message}</p>
            {fix && (
              <Link href={fix.href} className="w-fit font-medium underline">
                {fix.label}
              </Link>
            )}
            <a href={answer.helpUrl} target="_blank" rel="noreferrer" className="w-fit underline">
              Zoom’s list of OAuth errors
            </a>
          </div>
        )}
      </div>
    </section>
  );
}
