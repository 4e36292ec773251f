import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, requireRuntimeEnv } from "@/lib/config/env";

const key = randomBytes(32).toString("base64");

describe("parseEnv", () => {
  it("fills the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATA_DIR: "./.data", PORT: 3000, APP_DOMAIN: "localhost", EMBEDDED_PG_PORT: 54329, NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", MASTER_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a valid production set", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/ent", MASTER_KEY: key, AUTH_SECRET: "x".repeat(32), PORT: "8080" });
    expect(env.PORT).toBe(8080);
    expect(requireRuntimeEnv(env).MASTER_KEY).toBe(key);
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/x", /DATABASE_URL must be a postgres/],
    ["DATABASE_URL", "not a url", /DATABASE_URL must be a postgres/],
    ["DATABASE_URL", "postgresql://localhost", /DATABASE_URL .*database name/],
    ["MASTER_KEY", randomBytes(16).toString("base64"), /MASTER_KEY must be base64 of exactly 32 bytes/],
    ["MASTER_KEY", "!!!", /MASTER_KEY must be base64/],
    ["PORT", "70000", /^Invalid configuration: PORT/],
    ["APP_DOMAIN", "Bad_Domain", /APP_DOMAIN must be a lowercase host name/],
    ["AUTH_SECRET", "short", /AUTH_SECRET must be at least 32 characters/],
  ])("rejects a bad %s with one line naming it", (name, value, message) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("requires the runtime trio for a server", () => {
    expect(() => requireRuntimeEnv(parseEnv({}))).toThrow(/DATABASE_URL, MASTER_KEY, AUTH_SECRET must be set/);
  });
});
