import { describe, expect, it } from "vitest";
import { publicOrigin, tenantOrigin } from "@/lib/config/origin";

describe("public origins", () => {
  it("are http with the port on localhost and outside production", () => {
    expect(publicOrigin({ APP_DOMAIN: "localhost", PORT: 3000, NODE_ENV: "production" })).toBe("http://localhost:3000");
    expect(tenantOrigin({ APP_DOMAIN: "erp.example.com", PORT: 8080, NODE_ENV: "development" }, "acme")).toBe("http://acme.erp.example.com:8080");
  });

  it("are https without the port for a real domain in production (TLS ends at the proxy)", () => {
    expect(publicOrigin({ APP_DOMAIN: "erp.example.com", PORT: 3000, NODE_ENV: "production" })).toBe("https://erp.example.com");
    expect(tenantOrigin({ APP_DOMAIN: "erp.example.com", PORT: 3000, NODE_ENV: "production" }, "acme")).toBe("https://acme.erp.example.com");
  });
});
