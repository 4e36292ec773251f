import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<string, Tone> = { DRAFT: "slate", ISSUED: "blue", PARTIALLY_PAID: "amber", PAID: "green", VOID: "red" };

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "slate"}>{status.replace("_", " ").toLowerCase()}</Badge>;
}
