"use client";

import { useHydrated } from "@/lib/ui/use-hydrated";
import { Button, type ButtonProps } from "./button";

/**
 * A button whose work is its onClick handler: disabled until React owns the page, because a click
 * that lands before hydration would be dropped silently (lib/ui/use-hydrated.ts).
 */
export function ClientButton({ disabled, ...rest }: ButtonProps) {
  const hydrated = useHydrated();
  return <Button disabled={!hydrated || disabled} {...rest} />;
}
