import { expect, test, type Locator, type Page } from "@playwright/test";
import { createTenant, ownerApiHeaders, tenantUrl } from "./support";

// The ledger's lifecycle pages in the browser against the real built app: an owner
// (entries recorded through the API) reverses a posted entry from the journal, edits
// a draft (save, then change its amount and post it), deletes a draft, deactivates
// and reactivates an account, and reads the trial balance, income statement and
// balance sheet, whose figures the test computes from what it posted.

type AccountType = "ASSET" | "LIABILITY" | "EQUITY" | "REVENUE" | "EXPENSE";
interface Line {
  code: string;
  debit?: string;
  credit?: string;
}
interface Posting {
  description: string;
  date: string;
  lines: Line[];
}

// ── the expected figures, in cents, from the postings ──

const cents = (amount: string | undefined): bigint => {
  if (!amount) return BigInt(0);
  const [int, frac = ""] = amount.split(".");
  return BigInt(int!) * BigInt(100) + BigInt(frac.padEnd(2, "0"));
};

/** Cents → how the pages show money: "5,225.10", "-12.00". */
const shown = (c: bigint): string => {
  const abs = c < BigInt(0) ? -c : c;
  const int = (abs / BigInt(100)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${c < BigInt(0) ? "-" : ""}${int}.${(abs % BigInt(100)).toString().padStart(2, "0")}`;
};

/** Per account code: debits − credits of the postings dated in [from, to]. */
function balances(postings: Posting[], from: string, to: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const p of postings.filter((p) => p.date >= from && p.date <= to)) {
    for (const l of p.lines) out.set(l.code, (out.get(l.code) ?? BigInt(0)) + cents(l.debit) - cents(l.credit));
  }
  return out;
}

/** Σ of the accounts of a type, on the type's normal side (assets and expenses debit − credit, the others credit − debit). */
function total(b: Map<string, bigint>, types: Map<string, AccountType>, type: AccountType): bigint {
  const sign = type === "ASSET" || type === "EXPENSE" ? BigInt(1) : BigInt(-1);
  return [...b].filter(([code]) => types.get(code) === type).reduce((s, [, v]) => s + sign * v, BigInt(0));
}

// ── the app ──

/** A report row's amount: its last cell. */
const amountOf = (row: Locator) => row.getByRole("cell").last();

const journalRow = (page: Page, number: number) =>
  page
    .getByRole("table", { name: /Journal entries/ })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: `#${number}`, exact: true }) });

test("reverse, edit and post a draft, delete a draft, (de)activate an account; the reports show what was posted", async ({ page, request }) => {
  const slug = `reports${Date.now().toString(36)}`;
  const password = "ledger-reports-password-1";
  await createTenant(request, { slug, name: "Reversal & Co", adminName: "Rita Reports", adminPassword: password });

  // The standard chart and the entries, through the API as the owner.
  const auth = await ownerApiHeaders(request, slug, password);
  const chart = await request.post("/api/client/accounts/defaults", { headers: auth });
  expect(chart.status()).toBe(200);
  const accounts: { id: string; code: string; type: AccountType }[] = (await chart.json()).accounts;
  const types = new Map(accounts.map((a) => [a.code, a.type]));
  const record = async (p: Posting, post: boolean): Promise<number> => {
    const lines = p.lines.map((l) => ({ accountId: accounts.find((a) => a.code === l.code)!.id, debit: l.debit, credit: l.credit }));
    const res = await request.post("/api/client/transactions", { headers: auth, data: { date: p.date, description: p.description, lines, post } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).number;
  };

  const posted: Posting[] = [
    {
      description: "Owner investment",
      date: "2026-03-02",
      lines: [
        { code: "1100", debit: "5000" },
        { code: "3000", credit: "5000" },
      ],
    },
    {
      description: "Consulting invoice",
      date: "2026-03-04",
      lines: [
        { code: "1100", debit: "1200.50" },
        { code: "4000", credit: "1200.50" },
      ],
    },
    {
      description: "March rent",
      date: "2026-03-05",
      lines: [
        { code: "6000", debit: "700" },
        { code: "1100", credit: "700" },
      ],
    },
    // Reversed below: its two accounts appear in no other entry, so they come back to zero.
    {
      description: "Supplier bill entered twice",
      date: "2026-03-06",
      lines: [
        { code: "5000", debit: "300" },
        { code: "2000", credit: "300" },
      ],
    },
  ];
  for (const p of posted) await record(p, true);
  const chairs: Posting = {
    description: "Office chairs",
    date: "2026-03-10",
    lines: [
      { code: "6000", debit: "250" },
      { code: "1100", credit: "250" },
    ],
  };
  expect(await record(chairs, false)).toBe(5);
  expect(
    await record(
      {
        description: "Draft to discard",
        date: "2026-03-11",
        lines: [
          { code: "6000", debit: "99" },
          { code: "1000", credit: "99" },
        ],
      },
      false,
    ),
  ).toBe(6);

  await page.goto(tenantUrl(slug, "/sign-in"));
  await page.getByLabel("Email").fill(`owner@${slug}.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  // The home page links every report, and the users page (the owner reads users).
  for (const name of ["Journal", "Chart of accounts", "Trial balance", "Income statement", "Balance sheet", "Users"])
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible();

  // Reverse #4 after confirming, on a date of one's own (the date offered is the service's default: today, or the entry's date when later).
  await journalRow(page, 4).getByRole("button", { name: "Reverse entry #4" }).click();
  const reversalDate = page.getByRole("alertdialog", { name: "Reverse entry #4?" }).getByLabel("Reversal date");
  const today = new Date().toISOString().slice(0, 10);
  await expect(reversalDate).toHaveValue(today > "2026-03-06" ? today : "2026-03-06");
  await reversalDate.fill("2026-03-20");
  await page.getByRole("alertdialog", { name: "Reverse entry #4?" }).getByRole("button", { name: "Confirm reversal of #4" }).click();
  await expect(journalRow(page, 7)).toContainText("Reversal of #4: Supplier bill entered twice");
  await expect(journalRow(page, 7)).toContainText(/2026-03-20.*POSTED.*reversal of #4.*300\.00/);
  await expect(journalRow(page, 4)).toContainText("reversed by #7");
  // Neither side can be reversed or voided now.
  for (const n of [4, 7]) {
    await expect(journalRow(page, n).getByRole("button", { name: `Reverse entry #${n}` })).toHaveCount(0);
    await expect(journalRow(page, n).getByRole("button", { name: `Void entry #${n}` })).toHaveCount(0);
  }
  posted.push({ description: "Reversal of #4", date: "2026-03-20", lines: posted[3]!.lines.map((l) => ({ code: l.code, debit: l.credit, credit: l.debit })) });

  // Edit draft #5: the form opens on it; "Save draft" keeps it a draft.
  await journalRow(page, 5).getByRole("link", { name: "Edit entry #5" }).click();
  await expect(page).toHaveURL(/\/ledger\?edit=/);
  const form = page.getByRole("region", { name: "Edit draft #5" });
  await expect(form.getByLabel("Description")).toHaveValue("Office chairs");
  await expect(form.getByLabel("Date")).toHaveValue("2026-03-10");
  // The lines in the order they were entered.
  await expect(form.getByLabel("Line 1 account")).toHaveValue(accounts.find((a) => a.code === "6000")!.id);
  await expect(form.getByLabel("Line 1 debit")).toHaveValue("250");
  await expect(form.getByLabel("Line 2 account")).toHaveValue(accounts.find((a) => a.code === "1100")!.id);
  await expect(form.getByLabel("Line 2 credit")).toHaveValue("250");
  await form.getByLabel("Reference (optional)").fill("PO-17");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/ledger"));
  await expect(page.getByRole("region", { name: "New entry" }).getByText("Entry #5 saved as a draft.")).toBeVisible();
  await expect(journalRow(page, 5)).toContainText(/Office chairs\s*Ref\. PO-17.*DRAFT\s*250\.00/);

  // Edit it again: a new amount, then Post (saved, then posted).
  await journalRow(page, 5).getByRole("link", { name: "Edit entry #5" }).click();
  await expect(form.getByLabel("Reference (optional)")).toHaveValue("PO-17");
  await form.getByLabel("Line 1 debit").fill("275.40");
  await form.getByLabel("Line 2 credit").fill("275.40");
  await expect(form.getByRole("status", { name: "Difference" })).toHaveText("0.00");
  await form.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/ledger"));
  await expect(page.getByRole("region", { name: "New entry" }).getByText("Entry #5 posted.")).toBeVisible();
  await expect(journalRow(page, 5)).toContainText(/POSTED\s*275\.40/);
  posted.push({
    ...chairs,
    lines: [
      { code: "6000", debit: "275.40" },
      { code: "1100", credit: "275.40" },
    ],
  });

  // Delete draft #6 after confirming.
  await journalRow(page, 6).getByRole("button", { name: "Delete entry #6" }).click();
  await page.getByRole("alertdialog", { name: "Delete draft #6?" }).getByRole("button", { name: "Confirm delete of #6" }).click();
  await expect(journalRow(page, 6)).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Journal entries/ }).getByRole("row")).toHaveCount(7); // header + #1–#5 and #7

  // An account deactivated is no longer offered to new lines; activated again, it is.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chart of accounts", exact: true }).click();
  const chartTable = page.getByRole("table", { name: "Accounts, by code" });
  await chartTable.getByRole("button", { name: "Deactivate 2100 Taxes payable" }).click();
  await expect(chartTable.getByRole("row").filter({ hasText: "Taxes payable" })).toContainText("Inactive");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal", exact: true }).click();
  await expect(page.getByLabel("Line 1 account").getByRole("option", { name: "2000 Accounts payable" })).toHaveCount(1);
  await expect(page.getByLabel("Line 1 account").getByRole("option", { name: "2100 Taxes payable" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chart of accounts", exact: true }).click();
  await chartTable.getByRole("button", { name: "Activate 2100 Taxes payable" }).click();
  await expect(chartTable.getByRole("row").filter({ hasText: "Taxes payable" })).toContainText(/Active\s*Deactivate/);

  // Trial balance: still balanced; the reversed entry's accounts are back to zero.
  const march = { from: "2026-03-01", to: "2026-03-31" };
  const b = balances(posted, "0000-01-01", march.to);
  const debits = posted.flatMap((p) => p.lines).reduce((s, l) => s + cents(l.debit), BigInt(0));
  await page.goto(tenantUrl(slug, `/ledger/trial-balance?asOf=${march.to}`));
  const tb = page.getByRole("table", { name: `Trial balance as of ${march.to}, by account code` });
  await expect(page.getByTestId("trial-balance-status")).toContainText("Balanced");
  await expect(tb.getByRole("row").filter({ hasText: "Totals" })).toHaveText(new RegExp(`Totals\\s*${shown(debits)}\\s*${shown(debits)}\\s*0\\.00`));
  for (const name of ["Cost of goods sold", "Accounts payable"])
    await expect(tb.getByRole("row").filter({ hasText: name })).toHaveText(/300\.00\s*300\.00\s*0\.00$/);

  // Income statement for March, reached through the reports nav.
  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Income statement" }).click();
  await page.getByLabel("From", { exact: true }).fill(march.from);
  await page.getByLabel("To", { exact: true }).fill(march.to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, `/ledger/income-statement?from=${march.from}&to=${march.to}`));
  const inMarch = balances(posted, march.from, march.to);
  const revenue = total(inMarch, types, "REVENUE");
  const expenses = total(inMarch, types, "EXPENSE");
  expect([revenue, expenses].map(shown)).toEqual(["1,200.50", "975.40"]); // the arithmetic below is not vacuous
  const is = page.getByRole("table", { name: `Income statement from ${march.from} to ${march.to}, by account code` });
  const isRow = (name: string) => is.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(amountOf(isRow("Sales"))).toHaveText(shown(-inMarch.get("4000")!));
  await expect(amountOf(isRow("Operating expenses"))).toHaveText(shown(inMarch.get("6000")!));
  await expect(amountOf(isRow("Cost of goods sold"))).toHaveText("0.00"); // posted, then reversed
  await expect(amountOf(isRow("Total revenue"))).toHaveText(shown(revenue));
  await expect(amountOf(isRow("Total expenses"))).toHaveText(shown(expenses));
  await expect(amountOf(isRow("Net income (revenue − expenses)"))).toHaveText(shown(revenue - expenses));
  await expect(page.getByTestId("net-income")).toHaveText(`Net income ${shown(revenue - expenses)}`);

  // Balance sheet at the end of March.
  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Balance sheet" }).click();
  await page.getByLabel("As of", { exact: true }).fill(march.to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, `/ledger/balance-sheet?asOf=${march.to}`));
  const earnings = total(b, types, "REVENUE") - total(b, types, "EXPENSE");
  const [assets, liabilities, equity] = [total(b, types, "ASSET"), total(b, types, "LIABILITY"), total(b, types, "EQUITY") + earnings];
  expect(assets).toBe(liabilities + equity);
  const bs = page.getByRole("table", { name: `Balance sheet as of ${march.to}, by account code` });
  const bsRow = (name: string) => bs.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(amountOf(bsRow("Bank"))).toHaveText(shown(b.get("1100")!));
  await expect(amountOf(bsRow("Total assets"))).toHaveText(shown(assets));
  await expect(amountOf(bsRow("Accounts payable"))).toHaveText("0.00");
  await expect(amountOf(bsRow("Total liabilities"))).toHaveText(shown(liabilities));
  await expect(amountOf(bsRow("Owner's equity"))).toHaveText(shown(-b.get("3000")!));
  await expect(amountOf(bsRow("Current earnings"))).toHaveText(shown(earnings));
  await expect(amountOf(bsRow("Total equity"))).toHaveText(shown(equity));
  await expect(amountOf(bsRow("Total liabilities and equity"))).toHaveText(shown(liabilities + equity));
  await expect(page.getByTestId("balance-sheet-status")).toContainText("Balanced");

  // A date that is not one: an alert, and the service's default instead.
  await page.goto(tenantUrl(slug, "/ledger/income-statement?from=2026-02-30&to=2026-03-31"));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("“2026-02-30” is not a date (YYYY-MM-DD); the default date is used instead.");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("2026-01-01 to 2026-03-31");
  await page.goto(tenantUrl(slug, "/ledger/balance-sheet?asOf=2026-13-01"));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("“2026-13-01” is not a date (YYYY-MM-DD); showing today instead.");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`As of ${today}`);
  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Trial balance" }).click();
  await expect(page.getByRole("heading", { name: "Trial balance", level: 1 })).toBeVisible();
});
