"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

// A labelled field: label, optional hint, the server's error for it. The
// control gets its id, aria-invalid and aria-describedby (hint and error) from
// here. `children` is a render function so any control fits:
//
//   <FormField label="Email" hint="…" error={errors.email}>{(p) => <Input {...p} name="email" />}</FormField>
//
// TextField / SelectField are the common cases.

export interface ControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/20 focus:outline-none disabled:bg-slate-50 aria-invalid:border-red-600";

export function FormField({
  label,
  hint,
  error,
  className,
  children,
  errorTestId,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (p: ControlProps) => ReactNode;
  errorTestId?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1 text-sm", className)}>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-red-700" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(controlClass, className)} {...rest} />;
}

export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(controlClass, className)} {...rest} />;
}

export function Textarea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(controlClass, className)} {...rest} />;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  fieldClassName?: string;
  errorTestId?: string;
};

export function TextField({ label, hint, error, fieldClassName, errorTestId, ...input }: TextFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={fieldClassName} errorTestId={errorTestId}>
      {(p) => <Input {...p} {...input} />}
    </FormField>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { label: ReactNode; hint?: ReactNode; error?: string; fieldClassName?: string };

export function SelectField({ label, hint, error, fieldClassName, children, ...select }: SelectFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={fieldClassName}>
      {(p) => (
        <Select {...p} {...select}>
          {children}
        </Select>
      )}
    </FormField>
  );
}
