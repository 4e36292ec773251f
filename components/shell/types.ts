import type { IconName } from "@/lib/modules/types";

/** What the shell's navigation draws (serialisable: it crosses into client components). */
export interface ShellNavItem {
  label: string;
  path: string;
  icon: IconName;
}

export interface ShellNavSection {
  key: string;
  /** Absent: no heading (the first, top-level group). */
  label?: string;
  items: ShellNavItem[];
}
