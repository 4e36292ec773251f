import { describe, expect, it } from "vitest";
import { currentItem, visiblePath } from "@/components/shell/nav-links";
import type { ShellNavSection } from "@/components/shell/types";
import { pagePermission, tenantNavigation } from "@/lib/modules/navigation";

// The app shell marks the current page's link: the longest item path the URL is
// at or under, on the path the user sees (the tenant rewrite's /t/<slug> removed).

const sections: ShellNavSection[] = [
  { key: "home", items: [{ label: "Home", path: "/", icon: "home" }] },
  ...tenantNavigation(["core", "ledger"], new Set(["core:users:read", "ledger:transactions:read", "ledger:accounts:read", "ledger:reports:read"])),
];

describe("shell navigation", () => {
  it("strips the tenant rewrite's prefix", () => {
    expect(visiblePath("/t/acme/ledger/accounts")).toBe("/ledger/accounts");
    expect(visiblePath("/t/acme")).toBe("/");
    expect(visiblePath("/ledger")).toBe("/ledger");
    expect(visiblePath("/admin/audit")).toBe("/admin/audit");
  });

  it("marks the most specific item", () => {
    expect(currentItem(sections, "/t/acme")).toBe("/");
    expect(currentItem(sections, "/ledger")).toBe("/ledger");
    expect(currentItem(sections, "/t/acme/ledger/accounts")).toBe("/ledger/accounts");
    expect(currentItem(sections, "/users")).toBe("/users");
    expect(currentItem(sections, "/account/password")).toBeUndefined();
  });

  it("does not mark the console's Clients page on its sub-pages", () => {
    const admin: ShellNavSection[] = [
      {
        key: "console",
        items: [
          { label: "Clients", path: "/admin", icon: "building" },
          { label: "Audit log", path: "/admin/audit", icon: "audit" },
        ],
      },
    ];
    expect(currentItem(admin, "/admin")).toBe("/admin");
    expect(currentItem(admin, "/admin/audit")).toBe("/admin/audit");
    expect(currentItem(admin, "/admin/clients/new")).toBeUndefined();
  });
});

describe("page gates from the manifests", () => {
  it("a page needs the permission its navigation item declares", () => {
    expect(pagePermission("/users")).toBe("core:users:read");
    expect(pagePermission("/audit")).toBe("core:audit:read");
    expect(pagePermission("/ledger")).toBe("ledger:transactions:read");
    expect(pagePermission("/ledger/accounts")).toBe("ledger:accounts:read");
    expect(pagePermission("/ledger/balance-sheet")).toBe("ledger:reports:read");
  });

  it("a path that is no navigation item is refused, not left open", () => {
    expect(() => pagePermission("/ledger/acounts")).toThrow(/no navigation item/);
  });
});
