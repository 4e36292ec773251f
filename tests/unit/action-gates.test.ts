import { describe, expect, it } from "vitest";
import { gateOf } from "@/lib/api/action";

// A server action takes its guard from the API operation it mirrors (lib/api/action.ts).

describe("gateOf", () => {
  it("derives the permission from the operation's declaration", () => {
    expect(gateOf("createEntry", "client-user")).toEqual({ auth: "client-user", permission: "ledger:transactions:write" });
    expect(gateOf("createClient", "enterprise-admin")).toEqual({ auth: "enterprise-admin", permission: undefined });
  });

  it("refuses an action that expects another kind of caller than the operation, or an unknown operation", () => {
    expect(() => gateOf("createEntry", "enterprise-admin")).toThrow(/is for "client-user"/);
    expect(() => gateOf("noSuchOperation", "client-user")).toThrow(/no operation/);
  });
});
