import { expect, test } from "@playwright/test";

test("the start page explains the setup and leads to the guide", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Microsoft 365");
  await expect(page.getByRole("link", { name: "Start the setup guide" })).toHaveAttribute("href", "/guide");
});

test("health reports the database and migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, database: "reachable", migrations: "current" });
});
