import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { schemaBehindWhere } from "../provisioning/list-clients";
import { CLIENT_STATUSES } from "../provisioning/schemas";
import { connectionFactory } from "../tenancy/connections";
import { renderMetrics, type Gauge } from "../observability/metrics";

// What /api/metrics shows besides the request metrics: the fleet (tenants by
// status, schemas behind the code), this instance's connection factory, and
// the process. Two small enterprise queries per scrape; no tenant database is
// touched.

export async function platformGauges(db: EnterpriseDb = enterpriseDb()): Promise<Gauge[]> {
  const [byStatus, behind] = await Promise.all([
    db.client.groupBy({ by: ["status"], _count: { _all: true } }),
    db.client.count({ where: schemaBehindWhere() }),
  ]);
  const count = new Map(byStatus.map((r) => [r.status, r._count._all]));
  const f = connectionFactory().stats();
  const mem = process.memoryUsage();
  return [
    {
      name: "bisman_tenants",
      help: "Clients (tenants) by status.",
      samples: CLIENT_STATUSES.map((status) => ({ labels: { status }, value: count.get(status) ?? 0 })),
    },
    {
      name: "bisman_tenants_schema_behind",
      help: "Active or suspended tenants whose schema is older than this code's newest client migration.",
      samples: [{ value: behind }],
    },
    { name: "bisman_tenant_clients_open", help: "Tenant database clients cached by this instance (LRU).", samples: [{ value: f.open }] },
    { name: "bisman_tenant_clients_retired_open", help: "Evicted tenant clients still open because a lease is out.", samples: [{ value: f.retiredOpen }] },
    { name: "bisman_tenant_leases", help: "Tenant database leases held by requests now.", samples: [{ value: f.leases }] },
    {
      name: "bisman_shard_connections_reserved",
      help: "Connections this instance's tenant pools may open, by shard (bounded by the shard's budget).",
      samples: Object.entries(f.reservedByShard).map(([shard, value]) => ({ labels: { shard }, value })),
    },
    { name: "bisman_tenant_clients_opened_total", help: "Tenant database clients opened by this instance.", type: "counter", samples: [{ value: f.opened }] },
    { name: "bisman_tenant_clients_closed_total", help: "Tenant database clients closed by this instance.", type: "counter", samples: [{ value: f.closed }] },
    { name: "process_resident_memory_bytes", help: "Resident memory of this process.", samples: [{ value: mem.rss }] },
    { name: "nodejs_heap_used_bytes", help: "V8 heap in use.", samples: [{ value: mem.heapUsed }] },
    { name: "process_uptime_seconds", help: "Seconds since this process started.", samples: [{ value: Math.round(process.uptime()) }] },
  ];
}

export async function metricsText(db?: EnterpriseDb): Promise<string> {
  return renderMetrics(await platformGauges(db));
}
