import { expect, test } from "@playwright/test";
import { adminToken, tenantUrl } from "./support";

// The first client admin's setup link, end to end: the enterprise admin creates a client without
// adminPassword through the real API, the link is opened on the tenant's host, a password is set,
// the browser lands on sign-in with the email filled in, signs in, and the link is spent.

test("the first admin sets a password through the setup link, signs in, and the link is spent", async ({ page, request, browser }) => {
  const slug = `setup${Date.now().toString(36)}`;
  const name = "Setup Works Ltd";
  const email = `first@${slug}.test`;
  const password = "first-admin-password-1";
  const res = await request.post("/api/enterprise/clients/create", {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
    data: { name, slug, adminEmail: email, adminName: "First Admin" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const link: string = (await res.json()).setupLink;
  expect(link.startsWith(tenantUrl(slug, "/setup?token="))).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Set your password for ${name}` })).toBeVisible();
  await expect(page.getByTestId("setup-email")).toHaveText(email);

  // A mismatch is the server's field error; nothing is set.
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Confirm password").fill(`${password}x`);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("setup-error-confirmPassword")).toHaveText("does not match the password");

  // What was typed is kept after a refusal (it never went back through the server); fixing the
  // confirmation clears its stale message.
  await expect(page.getByLabel("New password")).toHaveValue(password);
  await expect(page.getByLabel("Confirm password")).toHaveValue(`${password}x`);
  await page.getByLabel("Confirm password").fill(password);
  await expect(page.getByTestId("setup-error-confirmPassword")).toHaveCount(0);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, `/sign-in?${new URLSearchParams({ email, setup: "done" })}`));
  await expect(page.getByRole("heading", { name: `Sign in to ${name}` })).toBeVisible();
  await expect(page.getByText("Your password is set. Sign in to continue.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await expect(page.getByTestId("tenant-name")).toHaveText(name);
  await expect(page.getByTestId("user-name")).toHaveText("First Admin");

  // Spent: the same link, signed in or not, only says so.
  const anonymous = await browser.newContext();
  for (const p of [page, await anonymous.newPage()]) {
    const again = await p.goto(link);
    expect(again?.status()).toBe(200);
    await expect(p.getByTestId("setup-link-spent")).toHaveText("This link was already used or has expired.");
    await expect(p.getByLabel("New password")).toHaveCount(0);
  }
  await anonymous.close();

  // A tampered link says the same, never a stack trace.
  const forged = new URL(link);
  forged.searchParams.set("token", `${forged.searchParams.get("token")}x`);
  await page.goto(forged.toString());
  await expect(page.getByTestId("setup-link-spent")).toBeVisible();
});

test("a link whose form is submitted after it was spent elsewhere shows the used/expired message", async ({ browser, request }) => {
  const slug = `race${Date.now().toString(36)}`;
  const res = await request.post("/api/enterprise/clients/create", {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
    data: { name: "Twice Opened Ltd", slug, adminEmail: `first@${slug}.test` },
  });
  expect(res.status(), await res.text()).toBe(201);
  const link: string = (await res.json()).setupLink;
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [one, two] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  await one.goto(link);
  await two.goto(link);
  for (const p of [one, two]) {
    await p.getByLabel("New password").fill("twice-opened-password");
    await p.getByLabel("Confirm password").fill("twice-opened-password");
  }
  await one.getByRole("button", { name: "Set password" }).click();
  await expect(one).toHaveURL(/\/sign-in\?/);
  await two.getByRole("button", { name: "Set password" }).click();
  await expect(two.getByTestId("setup-link-spent")).toHaveText("This link was already used or has expired.");
  for (const c of contexts) await c.close();
});
