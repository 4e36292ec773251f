import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

// Buttons and button-looking links. A plain <button> (server-safe): a submit
// button of a form with a server action works before hydration (the browser
// posts the form). Buttons whose work is an onClick handler are ClientButton
// (client-button.tsx): disabled until hydrated.

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "dangerSolid";
export type ButtonSize = "sm" | "md";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 focus-visible:outline-brand-600",
  secondary: "border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-brand-600",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 focus-visible:outline-red-600",
  dangerSolid: "bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-red-700",
  ghost: "text-slate-700 hover:bg-slate-100 focus-visible:outline-brand-600",
};
const SIZES: Record<ButtonSize, string> = {
  sm: "gap-1.5 px-2.5 py-1 text-xs",
  md: "gap-2 px-4 py-2 text-sm",
};

/** The classes of a button; also for links that look like one (`<Link className={buttonClass("primary")}>`). */
export function buttonClass(variant: ButtonVariant = "secondary", size: ButtonSize = "md", extra?: string): string {
  return cn(
    "inline-flex items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    extra,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant = "secondary", size = "md", className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
