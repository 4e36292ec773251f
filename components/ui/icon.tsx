import { BookOpen, Box, Building2, ChartColumn, Home, List, Scale, ScrollText, Server, Settings, Sheet, Shield, Users, type LucideIcon } from "lucide-react";
import type { IconName } from "@/lib/modules/types";

// The module manifests name icons as strings (lib/modules/types.ts IconName);
// this is the one place that turns a name into a drawing. Decorative by
// default: the link or button next to it carries the accessible name.

const ICONS: Record<IconName, LucideIcon> = {
  home: Home,
  users: Users,
  shield: Shield,
  audit: ScrollText,
  book: BookOpen,
  list: List,
  scale: Scale,
  chart: ChartColumn,
  sheet: Sheet,
  box: Box,
  settings: Settings,
  server: Server,
  building: Building2,
};

export function Icon({ name, className = "size-4", label }: { name: IconName; className?: string; label?: string }) {
  const Drawn = ICONS[name];
  return label ? <Drawn className={className} role="img" aria-label={label} /> : <Drawn className={className} aria-hidden="true" focusable="false" />;
}
