// `npm run migrate:clients`: every ACTIVE and SUSPENDED tenant database (and
// each shard's client template) to the latest client migration.
//
//   --concurrency N   databases at once per server (default: sized from the server's free connections)
//   --dry-run         list pending migrations per tenant; change nothing
//   --tenant X        only these tenants (slug or id; repeat or comma-separate)
//   --shard X         only this shard (name or id)
//   --canary N        the first N tenants go first; any failure there stops the run (default 3)
//   --max-failures N  start no new tenant after N failures (default 10)
//   --wait            wait for a tenant another run is migrating (default: skip it)
//
// Exit status: 0 when every tenant is current, 1 when any failed or was not started, 2 on bad usage.
// Thin entry over lib/migrations/fleet-clients.ts.
import { parseArgs } from "node:util";
import { createEnterpriseDb } from "../lib/db/enterprise";
import { migrateClients, type MigrateClientsSummary } from "../lib/provisioning/fleet-clients";
import type { FleetResult } from "../lib/migrations/fleet";
import { loadCliEnv } from "../lib/runtime/cli-env";

function usage(message: string): never {
  console.error(`migrate:clients: ${message}`);
  process.exit(2);
}

function count(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}`);
  return n;
}

/** DATABASE_URL, else the embedded server `npm start` runs under DATA_DIR. */
function enterpriseUrl(): string {
  try {
    loadCliEnv();
  } catch (err) {
    usage((err as Error).message);
  }
  return process.env.DATABASE_URL!; // also the default shard's admin URL
}

class Progress {
  private done = 0;
  private counts = { ok: 0, failed: 0, skipped: 0 };
  private readonly t0 = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);
  constructor(
    private readonly total: number,
    private readonly dryRun: boolean,
  ) {}

  result(r: FleetResult): void {
    this.done++;
    if (r.status === "failed") this.counts.failed++;
    else if (r.status === "skipped") this.counts.skipped++;
    else this.counts.ok++;
    if (this.tty) {
      this.draw();
      if (r.status === "failed") this.line(`failed  ${r.label}: ${r.error}`);
    } else {
      const what =
        r.status === "migrated"
          ? `applied ${r.applied.join(", ")}`
          : r.status === "pending"
            ? `pending ${r.pending.join(", ") || "-"}`
            : (r.error ?? r.version ?? "");
      console.log(`${this.done}/${this.total} ${r.status.padEnd(8)} ${r.label} ${r.ms} ms ${what}`);
    }
  }

  private line(text: string): void {
    process.stderr.write(`\r\x1b[2K${text}\n`);
    this.draw();
  }

  private draw(): void {
    const width = 30;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const secs = (Date.now() - this.t0) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    process.stderr.write(
      `\r\x1b[2K${bar} ${this.done}/${this.total}  ${this.dryRun ? "checked" : "ok"} ${this.counts.ok}  failed ${this.counts.failed}  skipped ${this.counts.skipped}  ${rate.toFixed(1)}/s  ETA ${eta}s`,
    );
  }

  end(): void {
    if (this.tty) process.stderr.write("\n");
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function printSummary(s: MigrateClientsSummary, dryRun: boolean): void {
  for (const t of s.templates)
    console.log(`template (shard ${t.shard}): ${t.status}${t.applied.length ? ` ${t.applied.join(", ")}` : ""}${t.error ? ` — ${t.error}` : ""}`);
  if (s.unknown.length) console.log(`not in the fleet (unknown, or not ACTIVE/SUSPENDED): ${s.unknown.join(", ")}`);
  // All rows for a small fleet; only the ones needing attention for a large one.
  const attention = (r: FleetResult) => (r.status === "failed" ? 0 : r.status === "skipped" || r.status === "not-started" ? 1 : 2);
  const sorted = [...s.results].sort((a, b) => attention(a) - attention(b) || a.label.localeCompare(b.label));
  const shown = sorted.length <= 50 ? sorted : sorted.filter((r) => attention(r) < 2);
  if (shown.length) {
    const rows = [["tenant", "status", "version", dryRun ? "pending" : "applied", "ms", "error"]];
    for (const r of shown) {
      const list = dryRun ? r.pending : r.applied;
      rows.push([r.label, r.status, r.version ?? "-", list.length ? list.join(",") : "-", String(r.ms), (r.error ?? "").slice(0, 120)]);
    }
    console.log(table(rows));
  }
  const c = s.counts;
  const parts = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  const secs = s.ms / 1000;
  console.log(
    `${s.results.length} tenants in ${secs.toFixed(1)} s (${(s.results.length / Math.max(secs, 0.001)).toFixed(1)}/s, concurrency ${s.concurrency}): ${parts.join(", ") || "none"}; latest ${s.latest ?? "-"}` +
      (s.stopped ? `; stopped early: ${s.stopped}` : ""),
  );
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        concurrency: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        tenant: { type: "string", multiple: true },
        shard: { type: "string" },
        canary: { type: "string" },
        "max-failures": { type: "string" },
        wait: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err));
  }
  if (args.help) {
    console.log("usage: npm run migrate:clients -- [--dry-run] [--concurrency N] [--tenant slug]... [--shard name] [--canary N] [--max-failures N] [--wait]");
    return 0;
  }
  const dryRun = args["dry-run"];
  const tenants = args.tenant
    ?.flatMap((t) => t.split(","))
    .map((t) => t.trim())
    .filter(Boolean);
  const db = createEnterpriseDb(enterpriseUrl(), 4);
  const abort = new AbortController();
  // Stop starting tenants; the running ones finish (a second signal exits at once: their
  // transactions roll back and the next run picks them up).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\nmigrate:clients: ${signal}; letting running tenants finish, starting no new ones (again to abort)`);
      abort.abort();
      process.once(signal, () => process.exit(130));
    });
  }

  let progress: Progress | undefined;
  try {
    const summary = await migrateClients({
      db,
      dryRun,
      tenants,
      shard: args.shard,
      concurrency: count("concurrency", args.concurrency, 1),
      canary: count("canary", args.canary, 0) ?? 3,
      maxFailures: count("max-failures", args["max-failures"], 1) ?? 10,
      onLocked: args.wait ? "wait" : "skip",
      signal: abort.signal,
      onResult: (r) => {
        progress ??= new Progress(0, dryRun);
        progress.result(r);
      },
      onRecordError: (err, r) =>
        console.error(`migrate:clients: could not record the result of ${r.label}: ${err instanceof Error ? err.message : String(err)}`),
      onTargets: (n) => {
        progress = new Progress(n, dryRun);
      },
    });
    progress?.end();
    printSummary(summary, dryRun);
    const bad = summary.counts.failed + summary.counts["not-started"] + summary.templates.filter((t) => t.status === "failed").length;
    return bad > 0 || summary.unknown.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`migrate:clients: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
