import { expect, test } from "@playwright/test";
import { createTenant, ownerApiHeaders, signInOnTenant, tenantUrl } from "./support";

// Receivables in the browser on a phone-sized screen (390 px): the books and the catalogue set up through the
// API, then a customer made on /contacts/new, an invoice drafted on /sales/invoices/new with live exact totals,
// issued from its page (INV-2026-0001, posted), and found in the filtered list.

test.use({ viewport: { width: 390, height: 844 } });

test("an owner adds a customer, drafts an invoice with live totals and issues it, at 390 px", async ({ page, request }) => {
  const slug = `sales${Date.now().toString(36)}`;
  const password = "sales-owner-password-1";
  await createTenant(request, { slug, name: "Sales Ltd", adminName: "Sam Sales", adminPassword: password });
  const headers = await ownerApiHeaders(request, slug, password);
  const chart = await (await request.post("/api/client/accounts/defaults", { headers })).json();
  const code = (c: string) => chart.accounts.find((a: { code: string }) => a.code === c).id as string;
  expect((await request.put("/api/client/sales/settings", { headers, data: { accountId: code("1200") } })).status()).toBe(200);
  const vat = await (await request.post("/api/client/taxes", { headers, data: { name: "VAT 20%", rate: "20", accountId: code("2100") } })).json();
  expect(
    (
      await request.post("/api/client/products", {
        headers,
        data: { code: "CONS", name: "Consulting", unitPrice: "19.99", taxId: vat.id, incomeAccountId: code("4000") },
      })
    ).status(),
  ).toBe(201);

  await signInOnTenant(page, slug, `owner@${slug}.test`, password);
  await page.goto(tenantUrl(slug, "/contacts/new"));
  const form = page.getByTestId("contact-form");
  await form.getByLabel("Name").fill("Acme Ltd");
  await form.getByLabel("Payment terms (days)").fill("14");
  await form.getByLabel("Default income account").selectOption({ label: "4000 Sales" });
  await form.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { name: "Acme Ltd", level: 1 })).toBeVisible();

  await page.goto(tenantUrl(slug, "/sales/invoices/new"));
  const invoice = page.getByTestId("invoice-form");
  await invoice.getByLabel("Date", { exact: true }).fill("2026-03-02");
  await invoice.getByLabel("Line 1 product").selectOption({ label: "CONS Consulting" });
  await invoice.getByLabel("Line 1 quantity").fill("3");
  await invoice.getByLabel("Line 1 discount percent").fill("10");
  await expect(invoice.getByTestId("invoice-total")).toHaveText("64.76");
  await invoice.getByRole("button", { name: "Add a line" }).click();
  await invoice.getByLabel("Line 2 description").fill("Stamps");
  await invoice.getByLabel("Line 2 quantity").fill("2");
  await invoice.getByLabel("Line 2 unit price").fill("0.10");
  await expect(invoice.getByTestId("invoice-total")).toHaveText("64.96");
  // Nothing overflows sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await invoice.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name: "Invoice (draft)", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Issue" }).click();
  await expect(page.getByRole("heading", { name: "Invoice INV-2026-0001", level: 1 })).toBeVisible();
  await expect(page.getByTestId("invoice-details")).toContainText("2026-03-16");
  await expect(page.getByTestId("invoice-history")).toContainText("issued");

  await page.goto(tenantUrl(slug, "/sales/invoices?status=ISSUED"));
  await expect(page.getByTestId("invoice-row-INV-2026-0001")).toContainText("64.96");
  const tb = await (await request.get("/api/client/reports/trial-balance?asOf=2026-03-31", { headers })).json();
  expect(tb.accounts.find((a: { code: string }) => a.code === "1200").balance).toBe("64.9600");
});
