import { useId, type SelectHTMLAttributes } from "react";

export type SelectOption = { value: string; label: string };

/**
 * A native select with its visible label (the accessible name tests and people rely on).
 * `labelHidden` keeps the name for screen readers where a table header already says it.
 */
export function Select({
  label,
  labelHidden = false,
  options,
  placeholder,
  className = "",
  id,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  labelHidden?: boolean;
  options: readonly SelectOption[];
  /** A first option with the empty value, such as "Any status". */
  placeholder?: string;
}) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={`flex max-w-full min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className={labelHidden ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        id={selectId}
        className="max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
