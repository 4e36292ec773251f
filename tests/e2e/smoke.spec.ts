import { expect, test } from "@playwright/test";

test("the home page renders", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "BISMAN ERP" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin console" })).toHaveAttribute("href", "/admin/sign-in");
});

test("the admin sign-in page renders", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("heading", { name: /sign in to the admin console/i })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("health answers ok from the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});
