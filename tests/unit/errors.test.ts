import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, problemResponse, toProblem } from "@/lib/errors";
import { isTransient } from "@/lib/db/errors";

describe("problem details", () => {
  it("maps an AppError to its status with the safe detail", async () => {
    const res = problemResponse(new AppError("conflict", "The slug is taken."));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 409, code: "conflict", title: "Conflict", detail: "The slug is taken." });
  });

  it("maps zod errors to 422 with field paths", () => {
    const parsed = z.object({ name: z.string().min(3) }).safeParse({ name: "x" });
    const { problem } = toProblem(parsed.error);
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "name" })]);
  });

  it("never shows an unknown error's message, and hands it to the logger", () => {
    const logged: unknown[] = [];
    const secret = new Error('duplicate key value violates unique constraint "Client_slug_key" at postgresql://u:pw@h/db');
    const { problem } = toProblem(secret, (e) => logged.push(e));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/Client_slug_key|postgresql|pw/);
    expect(logged).toEqual([secret]);
  });

  it("passes extra headers such as Retry-After", () => {
    const res = problemResponse(new AppError("unavailable", "tenant is being upgraded", { headers: { "Retry-After": "5" } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });
});

describe("transient database errors", () => {
  const adapter = (code: string) => ({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: code, code } } } });
  it("are 503 with Retry-After: terminated, refused and too many connections, serialization failures and deadlocks", () => {
    for (const err of [
      adapter("57P01"),
      adapter("57P03"),
      adapter("08006"),
      adapter("53300"),
      adapter("40001"),
      adapter("40P01"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      new Error("Connection terminated unexpectedly"),
    ]) {
      const { problem, headers } = toProblem(err);
      expect(problem.status).toBe(503);
      expect(headers["retry-after"]).toBe("1");
    }
  });

  it("leave other errors alone: a constraint is not transient, an unknown error stays a 500", () => {
    expect(isTransient(adapter("23505"))).toBe(false);
    expect(toProblem(new Error("boom")).problem.status).toBe(500);
  });
});
