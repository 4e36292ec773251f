import { expect, type APIRequestContext, type Page } from "@playwright/test";

// What the browser tests share: where the app and its tenants are, the first
// enterprise admin (playwright.config.ts sets E2E_*), and tenants made through
// the real enterprise API.

export const port = Number(process.env.E2E_PORT);
export const adminEmail = process.env.E2E_ADMIN_EMAIL!;
export const adminPassword = process.env.E2E_ADMIN_PASSWORD!;
export const tenantUrl = (slug: string, path = "/") => `http://${slug}.localhost:${port}${path}`;

/** A bearer token of the first enterprise admin. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/enterprise/auth/login", { data: { email: adminEmail, password: adminPassword } });
  expect(res.status()).toBe(200);
  return (await res.json()).token;
}

/** A client made through POST /api/enterprise/clients/create; its first admin is owner@<slug>.test. */
export async function createTenant(
  request: APIRequestContext,
  client: { slug: string; name: string; adminName: string; adminPassword: string },
): Promise<void> {
  const res = await request.post("/api/enterprise/clients/create", {
    headers: { authorization: `Bearer ${await adminToken(request)}` },
    data: { ...client, adminEmail: `owner@${client.slug}.test` },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Fills and sends the sign-in form on a tenant's host (the caller checks the outcome). */
export async function submitTenantSignIn(page: Page, slug: string, email: string, password: string): Promise<void> {
  await page.goto(tenantUrl(slug, "/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in on a tenant's host and waits for its home page. */
export async function signInOnTenant(page: Page, slug: string, email: string, password: string): Promise<void> {
  await submitTenantSignIn(page, slug, email, password);
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
}

/** API headers of a tenant's first admin (owner@<slug>.test), signed in through POST /api/client/auth/login. */
export async function ownerApiHeaders(request: APIRequestContext, slug: string, password: string): Promise<Record<string, string>> {
  const tenant = { "x-tenant-id": slug };
  const login = await request.post("/api/client/auth/login", { headers: tenant, data: { email: `owner@${slug}.test`, password } });
  expect(login.status()).toBe(200);
  return { ...tenant, authorization: `Bearer ${(await login.json()).token}` };
}

/** The users page's "Add a user" form. */
export const addUser = (page: Page) => page.getByRole("region", { name: "Add a user" });

/** Signs out through the app shell's user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
}
