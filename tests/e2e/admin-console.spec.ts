import { expect, test, type Page } from "@playwright/test";
import { adminEmail, adminPassword, adminToken, tenantUrl } from "./support";

// The admin console, end to end against the built app: the enterprise admin signs in, creates a
// client through the form (no password → the one-time setup link), finds it in the clients table
// as ACTIVE with a current schema, suspends it (the tenant's sign-in page then says it is
// suspended), resumes it, and archives it by typing its slug.

async function signIn(page: Page, email = adminEmail, password = adminPassword) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

test("the enterprise admin creates, suspends, resumes and archives a client from the console", async ({ page, browser }) => {
  const id = Date.now().toString(36);
  const name = `Console ${id}`;
  const slug = `console-${id}`; // derived from the name
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();

  await page.getByRole("link", { name: "New client" }).first().click();
  await expect(page).toHaveURL(/\/admin\/clients\/new$/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(page.getByLabel("Slug (optional)")).toHaveAttribute("placeholder", slug);
  await page.getByLabel("Segment (optional)").fill("manufacturing");
  await page.getByLabel("First admin email").fill(`first@${slug}.test`);
  await page.getByRole("button", { name: "Create client" }).click();

  await expect(page.getByTestId("client-created")).toContainText(slug);
  await expect(page.getByText(/Copy this setup link now/)).toBeVisible();
  const link = await page.getByTestId("setup-link").inputValue();
  expect(link.startsWith(tenantUrl(slug, "/setup?token="))).toBe(true);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();

  // The same slug again: the service's 409, shown next to the slug field.
  await page.getByRole("link", { name: "Create another client" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Someone Else");
  await page.getByLabel("Slug (optional)").fill(slug);
  await page.getByLabel("First admin email").fill(`x@${slug}.test`);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByTestId("client-error-slug")).toHaveText("already taken");

  await page.goto("/admin");
  const row = page.getByTestId(`client-row-${slug}`);
  await expect(row.getByRole("rowheader")).toHaveText(name);
  await expect(row.getByTestId("client-status")).toHaveText("ACTIVE");
  await expect(row.getByTestId("schema-badge")).toHaveText("current");
  await expect(row.getByRole("link", { name: slug })).toHaveAttribute("href", tenantUrl(slug));
  await expect(row).toContainText("manufacturing");
  await page.screenshot({ path: test.info().outputPath("admin-console.png"), fullPage: true });

  const tenant = await (await browser.newContext()).newPage();
  await row.getByRole("button", { name: `Suspend ${name}` }).click();
  await expect(row.getByTestId("client-status")).toHaveText("SUSPENDED");
  await page.reload();
  await expect(row.getByTestId("client-status")).toHaveText("SUSPENDED");
  await tenant.goto(tenantUrl(slug, "/sign-in"));
  await expect(tenant.getByText(`${name} is suspended. Contact your administrator.`)).toBeVisible();
  await expect(tenant.getByLabel("Password")).toHaveCount(0);

  await row.getByRole("button", { name: `Resume ${name}` }).click();
  await expect(row.getByTestId("client-status")).toHaveText("ACTIVE");
  await tenant.goto(tenantUrl(slug, "/sign-in"));
  await expect(tenant.getByRole("heading", { name: `Sign in to ${name}` })).toBeVisible();

  // The first link was lost: a new one for the owner still without a password opens the setup page.
  await row.getByRole("button", { name: `New setup link for ${name}` }).click();
  const reissued = await row.getByTestId("reissued-setup-link").inputValue();
  expect(reissued.startsWith(tenantUrl(slug, "/setup?token="))).toBe(true);
  await expect(row).toContainText(`first@${slug}.test`);
  await tenant.goto(reissued);
  await expect(tenant.getByTestId("setup-email")).toHaveText(`first@${slug}.test`);

  // Archive asks for the slug; the button stays disabled until it is typed.
  await row.getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = row.getByRole("button", { name: `Archive ${slug}` });
  await expect(confirm).toBeDisabled();
  await row.getByLabel(/Type .* to confirm/).fill(slug);
  await confirm.click();
  await expect(row.getByTestId("client-status")).toHaveText("ARCHIVED");
  await expect(row.getByRole("button", { name: `Resume ${name}` })).toHaveCount(0);
  await tenant.context().close();
});

test("the schema filter and an empty filtered list say so", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Schema behind" }).click();
  await expect(page).toHaveURL(/\/admin\?schema=behind$/);
  await expect(page.getByRole("link", { name: "Schema behind" })).toHaveAttribute("aria-current", "page");
  // Every client the e2e server made is on the current schema.
  await expect(page.getByTestId("clients-empty")).toContainText("Every client's schema is current.");
});

test("a super admin sees only the clients assigned to them, and no client management", async ({ page, request }) => {
  const id = Date.now().toString(36);
  const headers = { authorization: `Bearer ${await adminToken(request)}` };
  const sa = { email: `sa-${id}@e2e.test`, name: "Sam Super", password: "super-admin-password-1" };
  const made = await request.post("/api/enterprise/super-admins", { headers, data: { ...sa, modules: ["core"] } });
  expect(made.status(), await made.text()).toBe(201);
  const superAdminId: string = (await made.json()).id;
  for (const [slug, assigned] of [
    [`mine-${id}`, true],
    [`theirs-${id}`, false],
  ] as const) {
    const res = await request.post("/api/enterprise/clients/create", {
      headers,
      data: { name: `Client ${slug}`, slug, adminEmail: `first@${slug}.test`, ...(assigned ? { superAdminId } : {}) },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signIn(page, sa.email, sa.password);
  await expect(page.getByTestId("admin-identity")).toContainText("super admin");
  await expect(page.getByRole("heading", { name: "Your clients" })).toBeVisible();
  await expect(page.getByTestId(`assigned-row-mine-${id}`).getByTestId("client-status")).toHaveText("ACTIVE");
  await expect(page.getByTestId(`assigned-row-theirs-${id}`)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New client" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Suspend / })).toHaveCount(0);
  // What a super admin may do for an assigned client: hand its owner a new setup link.
  const mine = page.getByTestId(`assigned-row-mine-${id}`);
  await mine.getByRole("button", { name: `New setup link for Client mine-${id}` }).click();
  expect((await mine.getByTestId("reissued-setup-link").inputValue()).startsWith(tenantUrl(`mine-${id}`, "/setup?token="))).toBe(true);
  expect((await page.goto("/admin/clients/new"))?.status()).toBe(404);
});
