"use client";

import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useId, useMemo, useState, type ReactNode } from "react";
import { cn } from "./cn";

// The kit's table: the page (a server component) renders each cell and gives a
// sort value per sortable column; this sorts the rows (@tanstack/react-table)
// and lays them out. One DOM for every width: from `sm` up a table, below it
// each row is a card (label: value lines, the primary column as the card's
// title), so status and actions are on screen at 390 px without sideways
// scrolling. Table roles are explicit, because a table restyled as blocks
// loses its semantics in some browsers.

export interface DataColumn {
  key: string;
  header: string;
  sortable?: boolean;
  align?: "left" | "right";
  /** The row's name: a row header, and the card's title on phones. */
  primary?: boolean;
  /** On phones, no "label:" before the value (actions, long text). */
  bare?: boolean;
  className?: string;
}

export interface DataRow {
  id: string;
  cells: Record<string, ReactNode>;
  /** Values to sort by, per sortable column. */
  sort?: Record<string, string | number | null>;
  testId?: string;
  /** Greyed out (a deactivated user, a void entry). */
  muted?: boolean;
}

export function DataTable({
  caption,
  columns,
  rows,
  empty,
  initialSort,
  ...rest
}: {
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
  empty?: ReactNode;
  initialSort?: { key: string; desc?: boolean };
  "data-testid"?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.key, desc: !!initialSort.desc }] : []);
  const selectId = useId();
  const defs = useMemo<ColumnDef<DataRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        accessorFn: (r: DataRow) => r.sort?.[c.key] ?? null,
        enableSorting: !!c.sortable,
        sortUndefined: "last",
        sortingFn: "basic",
      })),
    [columns],
  );
  // The table object is rebuilt per render on purpose (rows come from the server); nothing memoises it.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });
  const sortable = columns.filter((c) => c.sortable);
  const current = sorting[0];

  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="space-y-2" {...rest}>
      {sortable.length ? (
        <div className="flex items-center gap-2 text-sm sm:hidden">
          <label htmlFor={selectId} className="text-slate-700">
            Sort by
          </label>
          <select
            id={selectId}
            value={current ? `${current.id}:${current.desc ? "desc" : "asc"}` : ""}
            onChange={(e) => {
              const [id, dir] = e.target.value.split(":");
              setSorting(id ? [{ id, desc: dir === "desc" }] : []);
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            <option value="">As listed</option>
            {sortable.flatMap((c) => [
              <option key={`${c.key}:asc`} value={`${c.key}:asc`}>{`${c.header} ↑`}</option>,
              <option key={`${c.key}:desc`} value={`${c.key}:desc`}>{`${c.header} ↓`}</option>,
            ])}
          </select>
        </div>
      ) : null}
      <div className="sm:overflow-x-auto sm:rounded-lg sm:border sm:border-slate-200 sm:bg-white sm:shadow-sm">
        <table role="table" className="w-full text-sm max-sm:block sm:min-w-full sm:divide-y sm:divide-slate-200">
          <caption className="sr-only">{caption}</caption>
          <thead role="rowgroup" className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase max-sm:sr-only">
            <tr role="row">
              {columns.map((c) => {
                const sorted = current?.id === c.key ? (current.desc ? "descending" : "ascending") : undefined;
                return (
                  <th
                    key={c.key}
                    role="columnheader"
                    scope="col"
                    aria-sort={c.sortable ? (sorted ?? "none") : undefined}
                    className={cn("px-4 py-2 whitespace-nowrap", c.align === "right" && "text-right")}
                  >
                    {c.sortable ? (
                      <button
                        type="button"
                        onClick={() => table.getColumn(c.key)?.toggleSorting(current?.id === c.key ? !current.desc : false)}
                        className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", c.align === "right" && "flex-row-reverse")}
                      >
                        {c.header}
                        {sorted === "ascending" ? (
                          <ArrowUp className="size-3" aria-hidden="true" />
                        ) : sorted === "descending" ? (
                          <ArrowDown className="size-3" aria-hidden="true" />
                        ) : (
                          <ArrowUpDown className="size-3 text-slate-500" aria-hidden="true" />
                        )}
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody role="rowgroup" className="max-sm:block max-sm:space-y-3 sm:divide-y sm:divide-slate-100">
            {table.getRowModel().rows.map((row) => {
              const r = row.original;
              return (
                <tr
                  key={r.id}
                  role="row"
                  data-testid={r.testId}
                  className={cn(
                    "align-top max-sm:flex max-sm:flex-col max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-3 max-sm:shadow-sm",
                    r.muted && "text-slate-500",
                  )}
                >
                  {columns.map((c) => {
                    const content = r.cells[c.key];
                    const cls = cn(
                      "px-4 py-2.5 max-sm:flex max-sm:min-h-0 max-sm:items-start max-sm:justify-between max-sm:gap-4 max-sm:px-0 max-sm:py-1",
                      c.align === "right" && "sm:text-right",
                      c.primary
                        ? "text-left font-medium text-slate-900 max-sm:order-first max-sm:pb-2 max-sm:text-base"
                        : "max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]",
                      c.bare && "max-sm:before:content-none max-sm:justify-start",
                      c.className,
                    );
                    return c.primary ? (
                      <th key={c.key} role="rowheader" scope="row" data-label={c.header} className={cls}>
                        {content}
                      </th>
                    ) : (
                      <td key={c.key} role="cell" data-label={c.header} className={cls}>
                        <div className="max-sm:min-w-0 max-sm:text-right">{content ?? <span className="text-slate-500">—</span>}</div>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
