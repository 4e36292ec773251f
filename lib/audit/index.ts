import { createHash } from "node:crypto";
import type { EnterpriseDb } from "../db/enterprise";
import type { ClientDb } from "../tenancy/types";
import { ADVISORY_LOCKS } from "../db/locks";

// Hash-chained, append-only audit logs: the enterprise AuditLog (global) and
// each tenant's AuditLog. hash = sha256(prevHash "\n" canonical JSON of the
// entry); appends are serialised per database by a transaction-scoped advisory
// lock, so the chain never forks, and the tables' triggers refuse UPDATE/DELETE.

export const GENESIS_HASH = "0".repeat(64);
const LOCK_KEY = ADVISORY_LOCKS.auditChain;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface AuditInput {
  /** "enterprise-admin" | "super-admin" | "client-user" | "system" */
  actorType: string;
  actorId?: string | null;
  /** Dotted verb, e.g. "client.created", "user.login". */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  metadata?: Record<string, Json> | null;
  ip?: string | null;
}

export interface EnterpriseAuditInput extends AuditInput {
  clientId?: string | null;
}

interface Canonical {
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clientId?: string | null;
  metadata: Json;
  ip: string | null;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export function auditHash(prevHash: string, entry: Canonical): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(entry)).digest("hex");
}

function canonical(input: AuditInput, at: Date, clientId?: string | null): Canonical {
  return {
    at: at.toISOString(),
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ...(clientId !== undefined ? { clientId: clientId ?? null } : {}),
    metadata: (input.metadata ?? null) as Json,
    ip: input.ip ?? null,
  };
}

type EnterpriseTx = Parameters<Parameters<EnterpriseDb["$transaction"]>[0]>[0];
type ClientTx = Parameters<Parameters<ClientDb["$transaction"]>[0]>[0];

/** What both audit logs' transactions offer the chain: the lock and the last link. */
interface ChainTx {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
  auditLog: { findFirst(args: { orderBy: { id: "desc" }; select: { hash: true } }): PromiseLike<{ hash: string } | null> };
}

/** Takes the chain's lock (held until the transaction ends) and computes the next row's columns. */
async function nextLink(tx: ChainTx, input: AuditInput, clientId?: string | null) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const entry = canonical(input, at, clientId);
  return {
    at,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    metadata: entry.metadata === null ? undefined : (entry.metadata as object),
    ip: entry.ip,
    prevHash,
    hash: auditHash(prevHash, entry),
  };
}

/** Appends to the enterprise audit log. Pass a transaction client to make it part of a larger change. */
export async function appendEnterpriseAudit(db: EnterpriseDb | EnterpriseTx, input: EnterpriseAuditInput): Promise<{ id: bigint; hash: string }> {
  const clientId = input.clientId ?? null;
  const run = async (tx: EnterpriseTx) =>
    tx.auditLog.create({ data: { ...(await nextLink(tx, input, clientId)), clientId }, select: { id: true, hash: true } });
  return "$transaction" in db ? (db as EnterpriseDb).$transaction(run) : run(db);
}

/** Appends to a tenant's audit log (db: the tenant client from a TenantContext, or its transaction). */
export async function appendTenantAudit(db: ClientDb | ClientTx, input: AuditInput): Promise<{ id: bigint; hash: string }> {
  const run = async (tx: ClientTx) => tx.auditLog.create({ data: await nextLink(tx, input), select: { id: true, hash: true } });
  return "$transaction" in db ? (db as ClientDb).$transaction(run) : run(db);
}

/** A stored row of either audit log (clientId only in the global one). */
export interface StoredRow {
  id: bigint;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  clientId?: string | null;
  metadata: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  ok: boolean;
  /** Rows checked: all of them when ok, else up to and including the broken one. */
  count: number;
  /** First row whose link or hash does not match. */
  brokenAt?: bigint;
}

/** Rows of either audit log, read in id order a batch at a time. */
interface ChainReader {
  auditLog: { findMany(args: { where: { id: { gt: bigint } }; orderBy: { id: "asc" }; take: number }): PromiseLike<StoredRow[]> };
}

const VERIFY_BATCH = 2_000;

/** Walks the whole chain in id order, a batch at a time (memory stays flat however long the log). */
async function checkChain(db: ChainReader, withClientId: boolean, batch: number): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let count = 0;
  let after = -1n;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: batch });
    for (const r of rows) {
      count += 1;
      const entry = canonical(
        {
          actorType: r.actorType,
          actorId: r.actorId,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          metadata: (r.metadata ?? null) as Record<string, Json> | null,
          ip: r.ip,
        },
        r.at,
        withClientId ? (r.clientId ?? null) : undefined,
      );
      if (r.prevHash !== prev || auditHash(prev, entry) !== r.hash) return { ok: false, count, brokenAt: r.id };
      prev = r.hash;
    }
    if (rows.length < batch) return { ok: true, count };
    after = rows[rows.length - 1]!.id;
  }
}

export async function verifyEnterpriseAuditChain(db: EnterpriseDb, batch = VERIFY_BATCH): Promise<ChainCheck> {
  return checkChain(db, true, batch);
}

export async function verifyTenantAuditChain(db: ClientDb, batch = VERIFY_BATCH): Promise<ChainCheck> {
  return checkChain(db, false, batch);
}
