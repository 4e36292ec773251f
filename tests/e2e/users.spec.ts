import { expect, test } from "@playwright/test";
import { addUser, createTenant, submitTenantSignIn, tenantUrl } from "./support";

// Deactivating a tenant user from /users: their open session stops working at once,
// they cannot sign in again, and reactivating lets them back in.

test("an owner deactivates and reactivates a user; the user's session ends at once", async ({ page, request, browser }) => {
  const slug = `users${Date.now().toString(36)}`;
  const ownerPassword = "users-owner-password-1";
  await createTenant(request, { slug, name: "Users Ltd", adminName: "Olga Owner", adminPassword: ownerPassword });

  await submitTenantSignIn(page, slug, `owner@${slug}.test`, ownerPassword);
  await expect(page.getByTestId("user-name")).toHaveText("Olga Owner");
  await page.goto(tenantUrl(slug, "/users"));
  await addUser(page).getByLabel("Email").fill(`dana@${slug}.test`);
  await addUser(page).getByLabel("Name").fill("Dana Doe");
  await addUser(page).getByLabel("Password").fill("dana-password-123");
  await page.getByRole("button", { name: "Add user" }).click();
  const dana = page.getByTestId(`user-row-dana@${slug}.test`);
  await expect(dana.getByTestId("user-status")).toHaveText("active");
  // The owner's own row has no button: nobody deactivates themselves.
  await expect(page.getByTestId(`user-row-owner@${slug}.test`).getByRole("button")).toHaveCount(0);

  const danaContext = await browser.newContext();
  const danaPage = await danaContext.newPage();
  await submitTenantSignIn(danaPage, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(danaPage.getByTestId("user-name")).toHaveText("Dana Doe");

  await dana.getByRole("button", { name: "Deactivate Dana Doe" }).click();
  await expect(dana.getByTestId("user-status")).toHaveText("deactivated");
  const deactivatedBy = Date.now(); // the server's change is done by now (same clock: one machine)
  await danaPage.reload();
  await expect(danaPage).toHaveURL(tenantUrl(slug, "/sign-in"));
  await submitTenantSignIn(danaPage, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(danaPage.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");

  await dana.getByRole("button", { name: "Reactivate Dana Doe" }).click();
  await expect(dana.getByTestId("user-status")).toHaveText("active");
  // Reactivated, Dana signs in again; the session she had before stays ended (docs/auth.md). Token times are whole
  // seconds and deactivation ends every token up to the end of its second, so the new sign-in must come after that.
  await expect.poll(() => Date.now()).toBeGreaterThan(Math.ceil(deactivatedBy / 1000) * 1000);
  await submitTenantSignIn(danaPage, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(danaPage.getByTestId("user-name")).toHaveText("Dana Doe");
  await danaContext.close();
});

test("an owner hands a user who forgot their password a reset link; it works once", async ({ page, request, browser }) => {
  const slug = `reset${Date.now().toString(36)}`;
  await createTenant(request, { slug, name: "Reset Ltd", adminName: "Rory Owner", adminPassword: "reset-owner-password-1" });
  await submitTenantSignIn(page, slug, `owner@${slug}.test`, "reset-owner-password-1");
  await expect(page.getByTestId("user-name")).toHaveText("Rory Owner");
  await page.goto(tenantUrl(slug, "/users"));
  await addUser(page).getByLabel("Email").fill(`fay@${slug}.test`);
  await addUser(page).getByLabel("Name").fill("Fay Forgetful");
  await addUser(page).getByLabel("Password").fill("forgotten-password-1");
  await page.getByRole("button", { name: "Add user" }).click();
  const fay = page.getByTestId(`user-row-fay@${slug}.test`);
  await fay.getByRole("button", { name: "Password link for Fay Forgetful" }).click();
  await expect(fay).toContainText("A password reset link for Fay Forgetful");
  const link = await fay.getByTestId("password-link").inputValue();
  expect(link.startsWith(tenantUrl(slug, "/setup?token="))).toBe(true);

  const fayPage = await (await browser.newContext()).newPage();
  await fayPage.goto(link);
  await expect(fayPage.getByTestId("setup-email")).toHaveText(`fay@${slug}.test`);
  await fayPage.getByLabel("New password").fill("remembered-password-1");
  await fayPage.getByLabel("Confirm password").fill("remembered-password-1");
  await fayPage.getByRole("button", { name: "Set password" }).click();
  await expect(fayPage).toHaveURL(new RegExp(`/sign-in\\?`));
  await fayPage.getByLabel("Password").fill("remembered-password-1");
  await fayPage.getByRole("button", { name: "Sign in" }).click();
  await expect(fayPage.getByTestId("user-name")).toHaveText("Fay Forgetful");
  // Spent: the link now only says so.
  await fayPage.goto(link);
  await expect(fayPage.getByTestId("setup-link-spent")).toBeVisible();
  await fayPage.context().close();
});
