"use client";

import { useState } from "react";
import { KEY_ACTIONS, KEY_ACTION_LABELS } from "@/lib/api-keys/key-scope";

export type ConnectionChoice = { id: string; name: string; zoomEmail: string | null };

const box = "mt-0.5 h-4 w-4 shrink-0 accent-brand-600";
const row = "flex items-start gap-2 text-sm";

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

/** What a new key may do and with which credentials (all, or the ticked ones). */
export function KeyLimitsFields({
  connections,
  errors,
}: {
  connections: ConnectionChoice[];
  errors: Record<string, string>;
}) {
  // Controlled, so a refused submit (React resets the form) keeps what the person chose.
  const [scope, setScope] = useState<"all" | "chosen">("all");
  const [actions, setActions] = useState<string[]>([...KEY_ACTIONS]);
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  return (
    <div className="flex flex-wrap gap-8">
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.actions ? "key-actions-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">What the key may do</legend>
        {KEY_ACTIONS.map((action) => (
          <label key={action} className={row}>
            <input
              type="checkbox"
              name="actions"
              value={action}
              checked={actions.includes(action)}
              onChange={(e) => setActions(toggle(actions, action, e.target.checked))}
              className={box}
            />
            {KEY_ACTION_LABELS[action]}
          </label>
        ))}
        <FieldError id="key-actions-error" error={errors.actions} />
      </fieldset>
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.credentialIds ? "key-connections-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">Credentials it may use</legend>
        <label className={row}>
          <input
            type="radio"
            name="connections"
            value="all"
            checked={scope === "all"}
            onChange={() => setScope("all")}
            className={box}
          />
          All credentials of this workspace
        </label>
        <label className={row}>
          <input
            type="radio"
            name="connections"
            value="chosen"
            checked={scope === "chosen"}
            onChange={() => setScope("chosen")}
            className={box}
            disabled={connections.length === 0}
          />
          Only the credentials ticked below
        </label>
        {scope === "chosen" && (
          <div className="ml-6 flex max-h-56 flex-col gap-1.5 overflow-y-auto">
            {connections.map((c) => (
              <label key={c.id} className={row}>
                <input
                  type="checkbox"
                  name="credentialIds"
                  value={c.id}
                  checked={chosen.includes(c.id)}
                  onChange={(e) => setChosen(toggle(chosen, c.id, e.target.checked))}
                  className={box}
                />
                <span>
                  {c.name}
                  {c.zoomEmail && <span className="text-slate-500"> · {c.zoomEmail}</span>}
                </span>
              </label>
            ))}
          </div>
        )}
        <FieldError id="key-connections-error" error={errors.credentialIds} />
      </fieldset>
    </div>
  );
}
