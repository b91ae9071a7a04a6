"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState, type ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "./button";

type ConfirmText = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** A second, milder way to confirm, shown beside the main one. */
  alternative?: { label: string; onConfirm: () => void };
};

/**
 * The question asked before something destructive, opened by whoever owns `open` (a row menu's
 * item, say). `onConfirm` runs only after the person confirms. `trigger` is an AlertDialog.Trigger.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  alternative,
}: ConfirmText & { open: boolean; onOpenChange: (open: boolean) => void; trigger?: ReactNode }) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {description}
          </AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClasses("secondary")}>Cancel</AlertDialog.Cancel>
            {alternative && (
              <AlertDialog.Action className={buttonClasses("secondary")} onClick={alternative.onConfirm}>
                {alternative.label}
              </AlertDialog.Action>
            )}
            <AlertDialog.Action className={buttonClasses("danger")} onClick={() => onConfirm()}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** A button that asks before doing something destructive. */
export function ConfirmButton({
  label,
  variant = "secondary",
  disabled,
  ...text
}: ConfirmText & { label: ReactNode; variant?: ButtonVariant; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <AlertDialog.Trigger className={buttonClasses(variant, "px-3 py-1.5")} disabled={disabled}>
          {label}
        </AlertDialog.Trigger>
      }
      {...text}
    />
  );
}
