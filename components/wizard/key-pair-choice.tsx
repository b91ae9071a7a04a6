import { useId } from "react";
import type { ZoomAppPair } from "@/lib/zoom-apps/find-zoom-app";

const PAIRS: { value: ZoomAppPair; title: string; description: string }[] = [
  {
    value: "development",
    title: "Development",
    description: "For an app used in your own Zoom account — the right choice unless your app is published.",
  },
  {
    value: "production",
    title: "Production",
    description:
      "Only for an app published on the Zoom App Marketplace; its redirect URL goes into the Production view.",
  },
];

/** Which of App Credentials' two pairs the person pasted: stored as the app's pair in use. */
export function KeyPairChoice({ pair, error }: { pair: ZoomAppPair; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Which pair did you paste?</legend>
      {PAIRS.map((option) => (
        <label
          key={option.value}
          className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
        >
          <input
            type="radio"
            name="pair"
            value={option.value}
            defaultChecked={option.value === pair}
            aria-labelledby={`${id}-${option.value}`}
            aria-describedby={`${id}-${option.value}-description`}
            className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
          />
          <span className="flex flex-col gap-0.5 text-sm">
            <span id={`${id}-${option.value}`} className="font-medium">
              {option.title}
            </span>
            <span id={`${id}-${option.value}-description`} className="text-slate-600">
              {option.description}
            </span>
          </span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
