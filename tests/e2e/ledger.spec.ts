import { expect, test, type Page } from "@playwright/test";
import { createTenant, ownerApiHeaders, tenantUrl } from "./support";

// The general ledger pages in the browser against the real built app (embedded
// PostgreSQL): a tenant made through the enterprise API, its first admin (Owner)
// sets up the standard chart, records, posts, refuses an unbalanced posting,
// drafts and posts from the list, voids, and reads the trial balance.

interface Line {
  account: string;
  debit?: string;
  credit?: string;
}

/** Fills the new-entry form (it is enabled once hydrated; fill waits for that). */
async function fillEntry(page: Page, description: string, lines: Line[]): Promise<void> {
  const form = page.getByRole("region", { name: "New entry" });
  await form.getByLabel("Date").fill("2026-03-02");
  await form.getByLabel("Description").fill(description);
  for (let i = 0; i < lines.length; i++) {
    if (i >= 2) await form.getByRole("button", { name: "Add line" }).click();
    const n = i + 1;
    await form.getByLabel(`Line ${n} account`).selectOption({ label: lines[i]!.account });
    await form.getByLabel(`Line ${n} debit`).fill(lines[i]!.debit ?? "");
    await form.getByLabel(`Line ${n} credit`).fill(lines[i]!.credit ?? "");
  }
}

const entryRow = (page: Page, description: string) =>
  page
    .getByRole("table", { name: /Journal entries/ })
    .getByRole("row")
    .filter({ hasText: description });

test("an owner keeps the books: standard chart, post, refused unbalanced posting, draft then post, void, trial balance", async ({ page, request }) => {
  const slug = `books${Date.now().toString(36)}`;
  const password = "ledger-owner-password-1";
  await createTenant(request, { slug, name: "Ledger Books Ltd", adminName: "Lena Ledger", adminPassword: password });

  await page.goto(tenantUrl(slug, "/sign-in"));
  await page.getByLabel("Email").fill(`owner@${slug}.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));

  // The home page links the ledger pages; the chart starts empty.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chart of accounts", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Chart of accounts", level: 1 })).toBeVisible();
  await expect(page.getByText("No accounts yet.")).toBeVisible();
  await page.getByRole("button", { name: "Create the standard chart" }).click();
  const accounts = page.getByRole("table", { name: "Accounts, by code" });
  await expect(accounts.getByRole("row")).toHaveCount(11); // header + 10 accounts
  await expect(accounts.getByRole("row").filter({ hasText: "Bank" })).toContainText(/1100\s*Bank\s*ASSET.*Active/);
  await expect(page.getByRole("button", { name: "Create the standard chart" })).toHaveCount(0);

  // An account of one's own, under Cash; the same code again is refused and the form keeps what was typed.
  const newAccount = page.getByRole("region", { name: "New account" });
  await newAccount.getByLabel("Code").fill("1010");
  await newAccount.getByLabel("Name").fill("Petty cash");
  await newAccount.getByLabel("Type", { exact: true }).selectOption("ASSET");
  await newAccount.getByLabel("Parent account (optional, of the same type)").selectOption({ label: "1000 Cash (ASSET)" });
  await newAccount.getByRole("button", { name: "Create account" }).click();
  await expect(newAccount.getByText("Account 1010 Petty cash created.")).toBeVisible();
  await expect(accounts.getByRole("row").filter({ hasText: "Petty cash" })).toContainText(/1010\s*Petty cash\s*ASSET\s*1000\s*Active/);
  await newAccount.getByLabel("Code").fill("1010");
  await newAccount.getByLabel("Name").fill("Petty cash again");
  await newAccount.getByRole("button", { name: "Create account" }).click();
  await expect(newAccount.getByRole("alert")).toHaveText("An account with code 1010 exists.");
  await expect(newAccount.getByLabel("Name")).toHaveValue("Petty cash again");
  await expect(accounts.getByRole("row")).toHaveCount(12);

  // A balanced entry, posted at once.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();
  await expect(page.getByText("No journal entries yet.")).toBeVisible();
  await fillEntry(page, "Owner investment", [
    { account: "1100 Bank", debit: "1500.25" },
    { account: "3000 Owner's equity", credit: "1500.25" },
  ]);
  await expect(page.getByRole("status", { name: "Total debit" })).toHaveText("1,500.25");
  await expect(page.getByRole("status", { name: "Total credit" })).toHaveText("1,500.25");
  await expect(page.getByRole("status", { name: "Difference" })).toHaveText("0.00");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByText("Entry #1 posted.")).toBeVisible();
  await expect(entryRow(page, "Owner investment")).toContainText("POSTED");
  await expect(entryRow(page, "Owner investment")).toContainText("1,500.25");

  // An unbalanced entry: the live difference shows it, posting is refused with the service's reason, nothing is added.
  await fillEntry(page, "Cash sale", [
    { account: "1000 Cash", debit: "100" },
    { account: "4000 Sales", credit: "90" },
  ]);
  await expect(page.getByRole("status", { name: "Difference" })).toHaveText("10.00");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("region", { name: "New entry" }).getByRole("alert")).toContainText(
    "The entry does not balance: debits 100.0000 ≠ credits 90.0000",
  );
  await expect(page.getByRole("table", { name: /Journal entries/ }).getByRole("row")).toHaveCount(2); // header + the first entry
  await expect(entryRow(page, "Cash sale")).toHaveCount(0);

  // Fixed and saved as a draft (the form kept what was typed), then posted from the list.
  await expect(page.getByLabel("Line 1 account")).toHaveValue(/.+/);
  await page.getByLabel("Line 2 credit").fill("100");
  await expect(page.getByRole("status", { name: "Difference" })).toHaveText("0.00");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Entry #2 saved as a draft.")).toBeVisible();
  await expect(entryRow(page, "Cash sale")).toContainText("DRAFT");
  await entryRow(page, "Cash sale").getByRole("button", { name: "Post entry #2" }).click();
  await expect(entryRow(page, "Cash sale")).toContainText("POSTED");

  // A third entry with three lines, posted, then voided after confirming.
  await fillEntry(page, "Supplies bought by mistake", [
    { account: "6000 Operating expenses", debit: "30" },
    { account: "1000 Cash", credit: "20" },
    { account: "2000 Accounts payable", credit: "10" },
  ]);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByText("Entry #3 posted.")).toBeVisible();
  const mistake = entryRow(page, "Supplies bought by mistake");
  await expect(mistake).toContainText("POSTED");
  await mistake.getByRole("button", { name: "Void entry #3" }).click();
  await page.getByRole("alertdialog", { name: "Void entry #3?" }).getByRole("button", { name: "Confirm void of #3" }).click();
  await expect(mistake).toContainText("VOID");
  await expect(mistake.getByRole("button", { name: "Void entry #3" })).toHaveCount(0);

  // Trial balance: the two posted entries count; the draft-then-posted one too; the voided one does not.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trial balance", exact: true }).click();
  await page.getByLabel("As of", { exact: true }).fill("2026-03-31");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/ledger/trial-balance?asOf=2026-03-31"));
  const report = page.getByRole("table", { name: /Trial balance as of 2026-03-31/ });
  const row = (text: string) => report.getByRole("row").filter({ hasText: text });
  await expect(row("Totals")).toHaveText(/Totals\s*1,600\.25\s*1,600\.25\s*0\.00/);
  await expect(page.getByTestId("trial-balance-status")).toContainText("Balanced");
  await expect(row("Bank")).toContainText("1,500.25 Dr");
  await expect(row("Cash")).toContainText("100.00 Dr");
  await expect(row("Sales")).toContainText("100.00 Cr");
  await expect(row("Operating expenses")).toHaveCount(0);
  await expect(row("Accounts payable")).toHaveCount(0);

  // Before the entries' day: nothing posted yet, still balanced.
  await page.getByLabel("As of", { exact: true }).fill("2026-03-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No posted entries on or before this day.")).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: /Trial balance as of 2026-03-01/ })
      .getByRole("row")
      .filter({ hasText: "Totals" }),
  ).toHaveText(/Totals\s*0\.00\s*0\.00\s*0\.00/);
});

test("the journal pages through older entries with the service's cursor", async ({ page, request }) => {
  const slug = `pages${Date.now().toString(36)}`;
  const password = "ledger-owner-password-2";
  await createTenant(request, { slug, name: "Ledger Books Ltd", adminName: "Lena Ledger", adminPassword: password });
  // 27 entries through the API as the owner: one page of 25 and two older ones.
  const auth = await ownerApiHeaders(request, slug, password);
  const chart = await request.post("/api/client/accounts/defaults", { headers: auth });
  expect(chart.status()).toBe(200);
  const accounts: { id: string; code: string }[] = (await chart.json()).accounts;
  const [cash, sales] = ["1000", "4000"].map((code) => accounts.find((a) => a.code === code)!.id);
  for (let day = 1; day <= 27; day++) {
    const date = `2026-01-${String(day).padStart(2, "0")}`;
    const res = await request.post("/api/client/transactions", {
      headers: auth,
      data: {
        date,
        description: `Sale of ${date}`,
        lines: [
          { accountId: cash, debit: "10" },
          { accountId: sales, credit: "10" },
        ],
        post: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  await page.goto(tenantUrl(slug, "/sign-in"));
  await page.getByLabel("Email").fill(`owner@${slug}.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal", exact: true }).click();
  const rows = page.getByRole("table", { name: /Journal entries/ }).getByRole("row");
  await expect(rows).toHaveCount(26); // header + 25
  await expect(rows.nth(1)).toContainText("Sale of 2026-01-27");
  await expect(page.getByRole("link", { name: "Newest entries" })).toHaveCount(0);
  await page.getByRole("link", { name: "Older entries" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Sale of 2026-01-02");
  await expect(rows.nth(2)).toContainText("Sale of 2026-01-01");
  await expect(page.getByRole("link", { name: "Older entries" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newest entries" }).click();
  await expect(rows).toHaveCount(26);
});
