import { describe, expect, it } from "vitest";
import { splitStatements } from "@/lib/migrations/apply";

// No-transaction migrations are sent statement by statement (CREATE INDEX
// CONCURRENTLY refuses a multi-statement string): the split must respect
// everything in which a semicolon is not a separator.

describe("splitStatements", () => {
  it("splits at top-level semicolons and drops comment-only pieces", () => {
    const sql = `-- bisman:no-transaction\n-- CreateIndex\nCREATE INDEX CONCURRENTLY "a" ON "T"("x");\n\n-- CreateIndex\nCREATE INDEX CONCURRENTLY "b" ON "T"("y");\n-- trailing comment\n`;
    expect(splitStatements(sql)).toEqual([
      `-- bisman:no-transaction\n-- CreateIndex\nCREATE INDEX CONCURRENTLY "a" ON "T"("x")`,
      `-- CreateIndex\nCREATE INDEX CONCURRENTLY "b" ON "T"("y")`,
    ]);
  });

  it("keeps semicolons inside strings, quoted identifiers, dollar quotes and comments", () => {
    const sql = [
      `INSERT INTO "a;b" VALUES ('x;y', 'it''s;', E'back\\';slash')`,
      `DO $body$ BEGIN PERFORM 1; PERFORM 2; END $body$`,
      `SELECT $$;$$ /* a ; /* nested ; */ still ; */`,
      `SELECT 1 -- a ; comment\n+ 1`,
    ];
    expect(splitStatements(sql.join(";\n") + ";")).toEqual(sql);
  });

  it("does not treat $1 or identifiers containing $ as dollar quotes", () => {
    expect(splitStatements(`SELECT a$b, $1; SELECT 2`)).toEqual([`SELECT a$b, $1`, `SELECT 2`]);
  });
});
