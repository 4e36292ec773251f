import type { z } from "zod";
import type { JournalEntryView, ZCreateEntryRequest, ZUpdateEntryRequest } from "@/lib/modules/ledger/entries.types";
import { parseAmount } from "./amounts";

// The new-entry form's state and what it sends: the service's request shape
// (money as strings, empty optional fields left out). Line i of the form is
// lines[i] of the request, so the service's error paths (`lines.1.credit`)
// point at the form's rows.

export interface LineDraft {
  /** React key only; never sent. */
  key: string;
  accountId: string;
  debit: string;
  credit: string;
  memo: string;
}

export interface EntryDraft {
  date: string;
  description: string;
  reference: string;
  lines: LineDraft[];
}

export type CreateEntryInput = z.input<typeof ZCreateEntryRequest>;

const optional = (s: string): string | undefined => (s.trim() === "" ? undefined : s.trim());

export function toEntryRequest(draft: EntryDraft, post: boolean): CreateEntryInput {
  return {
    date: draft.date,
    description: draft.description,
    reference: optional(draft.reference),
    lines: draft.lines.map((l) => ({ accountId: l.accountId, debit: optional(l.debit), credit: optional(l.credit), memo: optional(l.memo) })),
    post,
  };
}

export type UpdateEntryInput = z.input<typeof ZUpdateEntryRequest>;

/** An edit sends every field (the form shows them all): `lines` replaces the draft's lines, an emptied reference is cleared (null). */
export function toUpdateRequest(draft: EntryDraft): UpdateEntryInput {
  const { post: _post, ...request } = toEntryRequest(draft, false);
  return { ...request, reference: request.reference ?? null };
}

/** "250.5000" → "250.5"; a zero side ("0.0000") → "" (a line is one of debit or credit). */
export function editableAmount(amount: string): string {
  if (!/[1-9]/.test(amount)) return "";
  return amount.includes(".") ? amount.replace(/0+$/, "").replace(/\.$/, "") : amount;
}

/** A saved draft as the form edits it, its lines in the order the service answers them. */
export function draftFromEntry(entry: Pick<JournalEntryView, "date" | "description" | "reference" | "lines">, key: (i: number) => string): EntryDraft {
  return {
    date: entry.date,
    description: entry.description,
    reference: entry.reference ?? "",
    lines: entry.lines.map((l, i) => ({
      key: key(i),
      accountId: l.accountId,
      debit: editableAmount(l.debit),
      credit: editableAmount(l.credit),
      memo: l.memo ?? "",
    })),
  };
}

export interface DraftTotals {
  debit: bigint;
  credit: bigint;
  /** Line indexes whose debit or credit is not an amount (they count as zero above). */
  invalid: number[];
}

export function draftTotals(lines: readonly Pick<LineDraft, "debit" | "credit">[]): DraftTotals {
  let debit = BigInt(0);
  let credit = BigInt(0);
  const invalid: number[] = [];
  lines.forEach((l, i) => {
    const d = parseAmount(l.debit);
    const c = parseAmount(l.credit);
    if (d === null || c === null) invalid.push(i);
    debit += d ?? BigInt(0);
    credit += c ?? BigInt(0);
  });
  return { debit, credit, invalid };
}

/** The service's problem `errors` by path (several messages on one path are joined). */
export function errorsByPath(errors: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const key = e.path || "form";
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}
