import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { adminEmail, adminPassword, createTenant, ownerApiHeaders, port, submitTenantSignIn, tenantUrl } from "./support";

// The app shell, the kit and the product's own pages in Chromium at a desktop
// width (1280 px) and a phone width (390 px): every page is visited, kept as a
// full-page screenshot (test-results/screenshots/, and attached to the report),
// and checked with axe-core (no serious or critical violation). Then: an entry
// posted from the journal form on a phone, the role-less user's page, the
// branded 404 of an unknown tenant host, and the way from /users to the ledger
// through the sidebar and through the drawer.

const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const SHOTS = path.join("test-results", "screenshots");

const id = Date.now().toString(36);
const slug = `shell${id}`;
const ownerPassword = "shell-owner-password-1";
const nobody = { email: `nobody@${slug}.test`, name: "Nora Nobody", password: "nobody-password-123" };

// Made once per worker; a worker restarted after a failure finds them made already.
let made = false;
test.beforeAll(async ({ request }) => {
  if (made) return;
  made = true;
  await createTenant(request, { slug, name: "Shell Works", adminName: "Otto Owner", adminPassword: ownerPassword });
  const auth = await ownerApiHeaders(request, slug, ownerPassword);
  expect((await request.post("/api/client/accounts/defaults", { headers: auth })).status()).toBe(200);
  const user = await request.post("/api/client/users", { headers: auth, data: { ...nobody, roles: [] } });
  expect(user.status(), await user.text()).toBe(201);
});

async function signedInTenant(browser: Browser, email: string, password: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await submitTenantSignIn(page, slug, email, password);
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  return { context, page };
}

async function signedInAdmin(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return { context, page };
}

/** Screenshot and axe check of what the page shows now. */
async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    name,
  ).toEqual([]);
}

async function visitAll(page: Page, testInfo: TestInfo, pages: { name: string; url: string; heading: string | RegExp; status?: number }[]): Promise<void> {
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w.width, height: w.height });
    for (const p of pages) {
      const res = await page.goto(p.url);
      expect(res?.status(), p.url).toBe(p.status ?? 200);
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      // Nothing wider than the screen: no sideways scrolling of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${p.url} at ${w.width}px`).toBeLessThanOrEqual(w.width);
      await check(page, testInfo, `${p.name}-${w.name}`);
    }
  }
}

test("every tenant page at 1280 and 390 px: screenshots, no serious axe violation", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const { context, page } = await signedInTenant(browser, `owner@${slug}.test`, ownerPassword);
  await visitAll(page, testInfo, [
    { name: "tenant-home", url: tenantUrl(slug, "/"), heading: "Shell Works" },
    { name: "tenant-users", url: tenantUrl(slug, "/users"), heading: "Users" },
    { name: "tenant-audit", url: tenantUrl(slug, "/audit"), heading: "Audit log" },
    { name: "ledger-journal", url: tenantUrl(slug, "/ledger"), heading: "Journal" },
    { name: "ledger-accounts", url: tenantUrl(slug, "/ledger/accounts"), heading: "Chart of accounts" },
    { name: "ledger-trial-balance", url: tenantUrl(slug, "/ledger/trial-balance"), heading: "Trial balance" },
    { name: "ledger-income-statement", url: tenantUrl(slug, "/ledger/income-statement"), heading: "Income statement" },
    { name: "ledger-balance-sheet", url: tenantUrl(slug, "/ledger/balance-sheet"), heading: "Balance sheet" },
    { name: "account-password", url: tenantUrl(slug, "/account/password"), heading: "Change password" },
  ]);
  await context.close();

  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await visitAll(anon, testInfo, [
    { name: "tenant-sign-in", url: tenantUrl(slug, "/sign-in"), heading: "Sign in to Shell Works" },
    { name: "tenant-setup-spent", url: tenantUrl(slug, "/setup?token=forged"), heading: "Setup link not valid" },
    { name: "unknown-tenant-404", url: tenantUrl(`nosuch${id}`, "/"), heading: "This page does not exist", status: 404 },
    { name: "apex-home", url: "/", heading: "BISMAN ERP" },
    { name: "admin-sign-in", url: "/admin/sign-in", heading: "Sign in to the admin console" },
  ]);
  await anonymous.close();

  const roleless = await signedInTenant(browser, nobody.email, nobody.password);
  await visitAll(roleless.page, testInfo, [
    { name: "tenant-no-role", url: tenantUrl(slug, "/"), heading: "Shell Works" },
    { name: "tenant-hidden-page-404", url: tenantUrl(slug, "/users"), heading: "This page does not exist", status: 404 },
  ]);
  await roleless.context.close();
});

test("every admin console page at 1280 and 390 px: screenshots, no serious axe violation", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { context, page } = await signedInAdmin(browser);
  await visitAll(page, testInfo, [
    { name: "admin-clients", url: "/admin", heading: "Clients" },
    { name: "admin-new-client", url: "/admin/clients/new", heading: "New client" },
    { name: "admin-audit", url: "/admin/audit", heading: "Audit log" },
    { name: "admin-super-admins", url: "/admin/super-admins", heading: "Super admins" },
    { name: "admin-modules", url: "/admin/modules", heading: "Modules" },
    { name: "admin-shards", url: "/admin/shards", heading: "Shards" },
  ]);
  // Every link of the console's navigation leads to a page.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Clients", "Super admins", "Modules", "Shards", "Audit log"]);
  await context.close();
});

test("an entry is posted from the journal form at 390 px; its lines stack with full-width account pickers", async ({ browser }) => {
  const { context, page } = await signedInTenant(browser, `owner@${slug}.test`, ownerPassword, 390);
  await page.goto(tenantUrl(slug, "/ledger"));
  const form = page.getByRole("region", { name: "New entry" });
  const account = form.getByLabel("Line 1 account");
  // Full width of the card, not a 62 px sliver.
  expect((await account.boundingBox())!.width).toBeGreaterThan(280);
  await form.getByLabel("Date").fill("2026-03-02");
  await form.getByLabel("Description").fill("Phone sale");
  await account.selectOption({ label: "1000 Cash" });
  await form.getByLabel("Line 1 debit").fill("42.50");
  await form.getByLabel("Line 2 account").selectOption({ label: "4000 Sales" });
  await form.getByLabel("Line 2 credit").fill("42.50");
  await expect(form.getByRole("status", { name: "Difference" })).toHaveText("0.00");
  await form.getByRole("button", { name: "Post", exact: true }).click();
  await expect(form.getByText(/Entry #\d+ posted\./)).toBeVisible();
  // The entry as a card: its status and its actions on screen without sideways scrolling.
  const row = page
    .getByRole("table", { name: /Journal entries/ })
    .getByRole("row")
    .filter({ hasText: "Phone sale" });
  await expect(row).toContainText("POSTED");
  const voidButton = row.getByRole("button", { name: /^Void entry #/ });
  await voidButton.scrollIntoViewIfNeeded();
  const box = (await voidButton.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("a user with no role is told they have no access yet, and whom to ask", async ({ browser }) => {
  const { context, page } = await signedInTenant(browser, nobody.email, nobody.password);
  const notice = page.getByTestId("no-access");
  await expect(notice).toContainText("You have no access yet");
  await expect(notice).toContainText("Ask Otto Owner to give you a role.");
  // The navigation offers nothing but the home page, and the pages stay hidden.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home"]);
  expect((await page.goto(tenantUrl(slug, "/ledger")))?.status()).toBe(404);
  await context.close();
});

test("an unknown tenant host shows the product's own 404 page", async ({ page }) => {
  const res = await page.goto(tenantUrl(`unknown${id}`, "/ledger"));
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page.getByText("BISMAN ERP").first()).toBeVisible();
  // The favicon is there (no console 404 for it).
  expect((await page.request.get(`http://localhost:${port}/icon.svg`)).status()).toBe(200);
});

test("from /users to the ledger: through the sidebar on a desktop, through the drawer on a phone", async ({ browser }) => {
  const desktop = await signedInTenant(browser, `owner@${slug}.test`, ownerPassword);
  await desktop.page.goto(tenantUrl(slug, "/users"));
  const sidebar = desktop.page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await sidebar.getByRole("link", { name: "Journal" }).click();
  await expect(desktop.page).toHaveURL(tenantUrl(slug, "/ledger"));
  await expect(desktop.page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: "Journal" })).toHaveAttribute("aria-current", "page");
  await desktop.context.close();

  const phone = await signedInTenant(browser, `owner@${slug}.test`, ownerPassword, 390);
  const page = phone.page;
  await page.goto(tenantUrl(slug, "/users"));
  // The sidebar is not shown on a phone; the menu button opens the drawer.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const drawer = page.getByRole("dialog", { name: "Navigation" });
  await expect(drawer).toBeVisible();
  // Escape closes it and gives focus back to the menu button.
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await drawer.getByRole("link", { name: "Journal" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/ledger"));
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  await expect(drawer).toBeHidden();
  await phone.context.close();
});

test("changing one's password: a refusal keeps what was typed; the new password works", async ({ browser }) => {
  const { context, page } = await signedInTenant(browser, nobody.email, nobody.password);
  await page.getByRole("button", { name: "Account menu for Nora Nobody" }).click();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/account/password"));
  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel("New password", { exact: true }).fill("nora-new-password-1");
  await page.getByLabel("Confirm new password").fill("nora-new-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-error-currentPassword")).toHaveText("is not your current password");
  // Kept: only the wrong field needs retyping. Editing it clears its stale message.
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("nora-new-password-1");
  await page.getByLabel("Current password").fill(nobody.password);
  await expect(page.getByTestId("password-error-currentPassword")).toHaveCount(0);
  await page.getByRole("button", { name: "Change password" }).click();
  // Every session ends, this one too: the sign-in page, the email filled in.
  await expect(page).toHaveURL(/\/sign-in\?.*changed=password/);
  await expect(page.getByText("Your password is changed. Sign in with the new one.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(nobody.email);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await submitTenantSignIn(otherPage, slug, nobody.email, nobody.password);
  await expect(otherPage.getByTestId("sign-in-error")).toBeVisible();
  await submitTenantSignIn(otherPage, slug, nobody.email, "nora-new-password-1");
  await expect(otherPage).toHaveURL(tenantUrl(slug, "/"));
  await other.close();
  await context.close();
});
