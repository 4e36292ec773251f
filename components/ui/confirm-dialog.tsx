"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState, type ReactNode } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button";

// A confirmation before something that cannot be taken back (void, reverse,
// delete, archive). Radix's AlertDialog: focus moves into the dialog and stays
// there, Escape and Cancel close it, focus returns to the trigger. The confirm
// step is a form (`body` may add fields), so the server action runs from the
// dialog's own submit button.

export function ConfirmDialog({
  trigger,
  triggerLabel,
  triggerVariant = "secondary",
  triggerSize = "sm",
  title,
  description,
  body,
  confirmLabel,
  confirmVariant = "dangerSolid",
  action,
  hidden,
  confirmDisabled,
  onOpenChange,
}: {
  trigger: ReactNode;
  /** The trigger's accessible name when its text is short ("Void" → "Void entry #4"). */
  triggerLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  title: ReactNode;
  description: ReactNode;
  body?: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  action: (form: FormData) => void;
  hidden?: Record<string, string>;
  confirmDisabled?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const change = (v: boolean) => {
    setOpen(v);
    onOpenChange?.(v);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Trigger className={buttonClass(triggerVariant, triggerSize)} disabled={!hydrated} aria-label={triggerLabel}>
        {trigger}
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-700">{description}</AlertDialog.Description>
          <form
            action={(form) => {
              change(false);
              action(form);
            }}
            className="space-y-4"
          >
            {Object.entries(hidden ?? {}).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            {body}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
              <button type="submit" disabled={confirmDisabled} className={buttonClass(confirmVariant)}>
                {confirmLabel}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
