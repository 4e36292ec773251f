import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/internals";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDatabase } from "@/lib/migrations";
import { adminQuery, createScratchDatabase } from "../helpers/databases";

// Migrations are written by hand (Prisma's migrate engine cannot run here), so
// this is what keeps them honest: a freshly migrated database must have exactly
// the tables, columns, nullability, types and enums each schema.prisma declares.

const SCALAR_TYPES: Record<string, string[]> = {
  String: ["text", "uuid"],
  Boolean: ["boolean"],
  Int: ["integer"],
  BigInt: ["bigint"],
  DateTime: ["timestamp with time zone", "date"],
  Decimal: ["numeric"],
  Json: ["jsonb"],
};

const adminUrl = inject("pgAdminUrl");
const made: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const drop of made) await drop();
});

describe.each(["enterprise", "client"] as const)("%s schema", (schema) => {
  it("matches what its migrations build", async () => {
    const dmmf = await getDMMF({ datamodel: readFileSync(`prisma/${schema}/schema.prisma`, "utf8") });
    const scratch = await createScratchDatabase(adminUrl);
    made.push(scratch.drop);
    await migrateDatabase(scratch.url, schema);

    const cols = await adminQuery<{ table_name: string; column_name: string; is_nullable: string; data_type: string; udt_name: string }>(
      adminUrl,
      `SELECT table_name, column_name, is_nullable, data_type, udt_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
      [],
      scratch.name,
    );
    const enums = await adminQuery<{ name: string; values: string[] }>(
      adminUrl,
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
      [],
      scratch.name,
    );

    const expectedTables = dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort();
    const actualTables = [...new Set(cols.rows.map((c) => c.table_name))].sort();
    expect(actualTables).toEqual(expectedTables);

    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const scalarFields = model.fields.filter((f) => f.kind !== "object");
      const actual = cols.rows.filter((c) => c.table_name === table);
      expect(actual.map((c) => c.column_name).sort(), `columns of ${table}`).toEqual(scalarFields.map((f) => f.dbName ?? f.name).sort());
      for (const f of scalarFields) {
        const col = actual.find((c) => c.column_name === (f.dbName ?? f.name))!;
        const where = `${table}.${f.name}`;
        // Prisma lists are nullable arrays in PostgreSQL; everything else follows isRequired.
        if (!f.isList) expect(col.is_nullable, `nullability of ${where}`).toBe(f.isRequired ? "NO" : "YES");
        if (f.isList) expect(col.data_type, `type of ${where}`).toBe("ARRAY");
        else if (f.kind === "enum") expect(col.udt_name, `type of ${where}`).toBe(f.type);
        else expect(SCALAR_TYPES[f.type], `type of ${where} (${col.data_type})`).toContain(col.data_type);
      }
    }

    const expectedEnums = dmmf.datamodel.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) }));
    expect(enums.rows).toEqual(expectedEnums.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
