import { expect, test, type Page } from "@playwright/test";

// Deactivating a tenant user from /users: their open session stops working at once,
// they cannot sign in again, and reactivating lets them back in.

const port = Number(process.env.E2E_PORT);
const tenantUrl = (slug: string, path = "/") => `http://${slug}.localhost:${port}${path}`;

async function signIn(page: Page, slug: string, email: string, password: string) {
  await page.goto(tenantUrl(slug, "/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an owner deactivates and reactivates a user; the user's session ends at once", async ({ page, request, browser }) => {
  const login = await request.post("/api/enterprise/auth/login", { data: { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD } });
  const token = (await login.json()).token as string;
  const slug = `users${Date.now().toString(36)}`;
  const ownerPassword = "users-owner-password-1";
  const created = await request.post("/api/enterprise/clients/create", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "Users Ltd", slug, adminEmail: `owner@${slug}.test`, adminName: "Olga Owner", adminPassword: ownerPassword },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, slug, `owner@${slug}.test`, ownerPassword);
  await expect(page.getByTestId("user-name")).toHaveText("Olga Owner");
  await page.goto(tenantUrl(slug, "/users"));
  await page.getByLabel("New user email").fill(`dana@${slug}.test`);
  await page.getByLabel("New user name").fill("Dana Doe");
  await page.getByLabel("New user password").fill("dana-password-123");
  await page.getByRole("button", { name: "Add user" }).click();
  const dana = page.getByTestId(`user-row-dana@${slug}.test`);
  await expect(dana.getByTestId("user-status")).toHaveText("active");
  // The owner's own row has no button: nobody deactivates themselves.
  await expect(page.getByTestId(`user-row-owner@${slug}.test`).getByRole("button")).toHaveCount(0);

  const danaContext = await browser.newContext();
  const danaPage = await danaContext.newPage();
  await signIn(danaPage, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(danaPage.getByTestId("user-name")).toHaveText("Dana Doe");

  await dana.getByRole("button", { name: "Deactivate Dana Doe" }).click();
  await expect(dana.getByTestId("user-status")).toHaveText("deactivated");
  await danaPage.reload();
  await expect(danaPage).toHaveURL(tenantUrl(slug, "/sign-in"));
  await signIn(danaPage, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(danaPage.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");

  await dana.getByRole("button", { name: "Reactivate Dana Doe" }).click();
  await expect(dana.getByTestId("user-status")).toHaveText("active");
  // Reactivated, Dana signs in again in a fresh browser. (Her older, unexpired session works again too: docs/auth.md.)
  const again = await (await browser.newContext()).newPage();
  await signIn(again, slug, `dana@${slug}.test`, "dana-password-123");
  await expect(again.getByTestId("user-name")).toHaveText("Dana Doe");
  await again.context().close();
  await danaContext.close();
});
