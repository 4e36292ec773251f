import { expect, test } from "@playwright/test";
import { addUser, adminEmail, adminPassword, createTenant, signOut, tenantUrl } from "./support";

// Sign-in through the browser against the real built app (embedded PostgreSQL).
// Tenants are created through the real API as the enterprise admin.

test("an enterprise admin signs in at /admin/sign-in, sees the console, and signs out", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not correct.");

  await expect(page.getByLabel("Email")).toHaveValue(adminEmail); // kept after a refusal
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("admin-identity")).toContainText(adminEmail);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("bisman.session"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.domain).toBe("localhost"); // host-only: no leading dot

  await signOut(page);
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);

  // A copy of the cookie taken before sign-out no longer works either.
  await page.context().addCookies([{ ...session!, expires: session!.expires }]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("/t/… cannot be requested directly", async ({ request }) => {
  expect((await request.get("/t/anything")).status()).toBe(404);
  expect(
    (await request.get("/t/anything/sign-in", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } })).status(),
  ).toBe(404);
});

test("a client user signs in on their tenant's host; the same browser is not signed in on another tenant's host", async ({ page, request, browser }) => {
  const suffix = Date.now().toString(36);
  const a = `acme${suffix}`;
  const b = `beta${suffix}`;
  const password = "tenant-owner-password-1";
  await createTenant(request, { slug: a, name: "Acme Corporation", adminName: "Acme Corporation Owner", adminPassword: password });
  await createTenant(request, { slug: b, name: "Beta Industries", adminName: "Beta Industries Owner", adminPassword: password });

  await page.goto(tenantUrl(a, "/"));
  await expect(page).toHaveURL(tenantUrl(a, "/sign-in"));
  await expect(page.getByRole("heading", { name: "Sign in to Acme Corporation" })).toBeVisible();
  await page.getByLabel("Email").fill(`owner@${a}.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(tenantUrl(a, "/"));
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Corporation");
  await expect(page.getByTestId("user-name")).toHaveText("Acme Corporation Owner");

  const cookies = await page.context().cookies(tenantUrl(a));
  expect(cookies.find((c) => c.name.endsWith("bisman.session"))?.domain).toBe(`${a}.localhost`);

  // Same browser, another tenant's host: not signed in.
  await page.goto(tenantUrl(b, "/"));
  await expect(page).toHaveURL(tenantUrl(b, "/sign-in"));
  await expect(page.getByRole("heading", { name: "Sign in to Beta Industries" })).toBeVisible();
  // A's credentials do not work on B's host.
  await page.getByLabel("Email").fill(`owner@${a}.test`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();

  // A's session cookie presented on B's host by hand is refused by the edge (403) and never signs anyone in.
  const aSession = cookies.find((c) => c.name.endsWith("bisman.session"))!;
  const other = await browser.newContext();
  await other.addCookies([
    { name: aSession.name, value: aSession.value, domain: `${b}.localhost`, path: "/", httpOnly: true, secure: aSession.secure, sameSite: "Lax" },
  ]);
  const forged = await (await other.newPage()).goto(tenantUrl(b, "/"));
  expect(forged?.status()).toBe(403);
  await other.close();

  // The tenant app's server actions work through the rewrite: the owner adds a user on /users.
  await page.goto(tenantUrl(a, "/users"));
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByTestId("shell-org").first()).toHaveText("Acme Corporation");
  await addUser(page).getByLabel("Email").fill(`nia@${a}.test`);
  await addUser(page).getByLabel("Name").fill("Nia New");
  await addUser(page).getByLabel("Password").fill("nia-password-123");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Created nia@${a}.test.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Nia New" })).toContainText("active");

  // Still signed in on A; sign out ends it.
  await page.goto(tenantUrl(a, "/"));
  await expect(page.getByTestId("user-name")).toBeVisible();
  await signOut(page);
  await expect(page).toHaveURL(tenantUrl(a, "/sign-in"));
  await page.goto(tenantUrl(a, "/"));
  await expect(page).toHaveURL(tenantUrl(a, "/sign-in"));
});
