import { expect, test, type Page } from "@playwright/test";
import { adminEmail, adminPassword, createTenant, ownerApiHeaders, signInOnTenant, tenantUrl } from "./support";

// The audit log pages in the browser against the built app: the enterprise admin
// reads the global log at /admin/audit (filtered by a client made through the API,
// an unknown client refused, the chain verified); on a tenant's host its owner reads
// the tenant's own log at /audit, a Viewer may read it and an Accountant gets 404.

const rows = (page: Page, table: RegExp) => page.getByRole("table", { name: table }).getByRole("row");

test("the enterprise admin reads the global log: filtered by a client, an unknown client refused, the chain intact", async ({ page, request }) => {
  const slug = `audit${Date.now().toString(36)}`;
  await createTenant(request, { slug, name: "Audit Trail Ltd", adminName: "Ada Auditor", adminPassword: "audit-owner-password-1" });

  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter the log" });
  await filters.getByLabel("Client (slug or id)").fill(slug);
  await filters.getByLabel("Action").selectOption("client.");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`client=${slug}`));
  const created = rows(page, /Global audit log/).filter({ hasText: "client.created" });
  await expect(created).toHaveCount(1);
  await expect(created.getByRole("link", { name: slug })).toHaveAttribute("href", tenantUrl(slug));
  await expect(created).toContainText(adminEmail); // the admin who created it, by name and email
  await expect(created).toContainText(`slug: ${slug}`); // the metadata as key: value
  await expect(rows(page, /Global audit log/)).toHaveCount(2); // header + the one entry of this client and kind

  const chain = page.getByRole("region", { name: "Hash chain" });
  await chain.getByRole("button", { name: "Verify the chain" }).click();
  await expect(chain.getByRole("status")).toHaveText(/^The chain is intact: \d+ entries checked\.$/);
  await expect(page).toHaveURL(new RegExp(`client=${slug}.*verify=1`)); // the filters held
  await expect(created).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("admin-audit.png"), fullPage: true });

  await filters.getByLabel("Client (slug or id)").fill("no-such-client-here");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(filters.getByRole("alert")).toHaveText("There is no client “no-such-client-here”; showing every client.");
  await expect(filters.getByLabel("Client (slug or id)")).toHaveValue("");
});

test("a tenant's owner reads its own log from the home page; a Viewer may, an Accountant gets 404", async ({ page, browser, request }) => {
  const slug = `trail${Date.now().toString(36)}`;
  const password = "audit-owner-password-1";
  await createTenant(request, { slug, name: "Audit Trail Ltd", adminName: "Ada Auditor", adminPassword: password });

  // A Viewer and an Accountant, through the API as the owner.
  const auth = await ownerApiHeaders(request, slug, password);
  const roles: { id: string; name: string }[] = (await (await request.get("/api/client/roles", { headers: auth })).json()).roles;
  const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
  for (const [name, role] of [
    ["Vic Viewer", "Viewer"],
    ["Acton Accountant", "Accountant"],
  ] as const) {
    const res = await request.post("/api/client/users", {
      headers: auth,
      data: { email: `${role.toLowerCase()}@${slug}.test`, name, password: `${role.toLowerCase()}-password-1`, roles: [roleId(role)] },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signInOnTenant(page, slug, `owner@${slug}.test`, password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/audit"));
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const signedIn = rows(page, /Audit log entries/)
    .filter({ hasText: "user.signed_in" })
    .first();
  await expect(signedIn).toContainText("Ada Auditor");
  await expect(signedIn).toContainText(`owner@${slug}.test`);
  await expect(
    rows(page, /Audit log entries/)
      .filter({ hasText: "user.created" })
      .filter({ hasText: "Vic Viewer" }),
  ).toContainText("roles: Viewer");

  // Only role changes: none yet.
  const filters = page.getByRole("form", { name: "Filter the log" });
  await filters.getByLabel("Action").selectOption("role.");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entries match.")).toBeVisible();
  // A date that is not one: an alert, and the log without it.
  await page.goto(tenantUrl(slug, "/audit?from=2026-02-30"));
  await expect(filters.getByRole("alert")).toHaveText("From “2026-02-30” is not a date (YYYY-MM-DD); it is left out.");
  await expect(
    rows(page, /Audit log entries/)
      .filter({ hasText: "user.signed_in" })
      .first(),
  ).toBeVisible();

  const chain = page.getByRole("region", { name: "Hash chain" });
  await chain.getByRole("button", { name: "Verify the chain" }).click();
  await expect(chain.getByRole("status")).toHaveText(/^The chain is intact: \d+ entries checked\.$/);
  await page.screenshot({ path: test.info().outputPath("tenant-audit.png"), fullPage: true });

  const viewer = await (await browser.newContext()).newPage();
  await signInOnTenant(viewer, slug, `viewer@${slug}.test`, "viewer-password-1");
  await viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(viewer.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(
    rows(viewer, /Audit log entries/)
      .filter({ hasText: "user.signed_in" })
      .first(),
  ).toContainText("Vic Viewer");

  const accountant = await (await browser.newContext()).newPage();
  await signInOnTenant(accountant, slug, `accountant@${slug}.test`, "accountant-password-1");
  await expect(accountant.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await accountant.goto(tenantUrl(slug, "/audit"));
  expect(res?.status()).toBe(404);
  await expect(accountant.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
});
