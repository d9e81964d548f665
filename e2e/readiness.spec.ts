import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { APPS, scenario } from "@/sim/scenarios";
import { resetSimulator, SIM_URL } from "./support/portal";
import { createStaff, expectAccessible, lib, signInAs } from "./staff-fixtures";

/**
 * A CSM gives a verified brokerage's agents as a CSV file, watches the check run against
 * the simulator, filters the mailboxes that are not ready and exports them.
 */

process.env.CREDENTIALS_KEYS ||= process.env.E2E_CREDENTIALS_KEYS;

async function seedAgents(spec: object): Promise<Array<{ address: string; kind: string }>> {
  const context = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  try {
    const response = await context.post(`${SIM_URL}/_sim/agents`, { data: spec });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { agents: Array<{ address: string; kind: string }> }).agents;
  } finally {
    await context.dispose();
  }
}

/** A brokerage whose credential passed verification, sealed with the portal's key ring. */
async function verifiedBrokerage(name: string) {
  const { db, brokerages, submissionAttempts } = await lib();
  const { sealSecret } = await import("@/lib/crypto/secret-box");
  const good = scenario("good").values;
  const [brokerage] = await db().insert(brokerages).values({ name, emailDomain: "harbor.example", stage: "verified" }).returning();
  const id = randomUUID();
  const sealed = sealSecret(APPS.sync.secret, id);
  await db().insert(submissionAttempts).values({
    id,
    brokerageId: brokerage!.id,
    number: 1,
    idempotencyKey: randomUUID(),
    tenantId: good.tenantId,
    clientId: APPS.sync.clientId,
    testMailbox: good.testMailbox,
    secretExpiresOn: "2030-01-31",
    submitterName: "Harbor IT",
    submitterEmail: "it@harbor.example",
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
    secretHint: APPS.sync.secret.slice(0, 3),
    status: "verified",
  });
  return brokerage!;
}

test("a CSM uploads the agents, watches the check, filters the ones not ready and exports them", async ({ page }) => {
  // Slow answers, so the progress can be watched.
  await resetSimulator(1200);
  const agents = await seedAgents({ count: 40, prefix: `e2e${Date.now().toString(36)}-`, mix: { "not-found": 0.1, unlicensed: 0.1, "throttled-once": 0.1 } });
  const notReady = agents.filter((a) => a.kind === "not-found" || a.kind === "unlicensed");
  const brokerage = await verifiedBrokerage(`E2E Agents Realty ${randomUUID().slice(0, 6)}`);
  const csm = await createStaff("csm");
  await signInAs(page, csm);

  await page.goto(`/staff/readiness/${brokerage.id}`);
  await expect(page.getByRole("heading", { level: 1, name: brokerage.name })).toBeVisible();
  await page.getByLabel("Upload a CSV file of agents").setInputFiles({
    name: "agents.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["Email", ...agents.map((a) => a.address.toUpperCase())].join("\r\n")),
  });
  await page.getByRole("button", { name: "Save the agent list" }).click();
  await expect(page.getByText(`${agents.length} agents in the list: ${agents.length} added, 0 removed.`)).toBeVisible();

  await expect(page.getByRole("status").filter({ hasText: /Checking: \d+ of 40 mailboxes checked/ })).toBeVisible();
  await expect(page.getByTestId("readiness-summary")).toHaveText(`${agents.length - notReady.length} of ${agents.length} ready, ${notReady.length} not ready`, { timeout: 30_000 });
  await expect(page.getByText(/Last check finished: 40 of 40 mailboxes checked/)).toBeVisible();
  await expectAccessible(page, "readiness");

  await page.getByLabel("Status").selectOption({ label: "Not ready" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=not-ready/);
  const rows = page.getByRole("region", { name: "Agents", exact: true }).getByRole("row");
  await expect(rows).toHaveCount(notReady.length + 1);
  for (const agent of notReady) await expect(page.getByRole("cell", { name: agent.address, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Agents", exact: true }).getByRole("cell", { name: "No such mailbox: misspelt, or the account was removed" })).toHaveCount(agents.filter((a) => a.kind === "not-found").length);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-agents-not-ready\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(lines[0]).toBe("address,status,reason,meaning,microsoft code,checked at");
  expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(notReady.map((a) => a.address).sort());
  expect(lines.slice(1).every((l) => l.includes(",Not ready,mailbox-not-"))).toBe(true);

  await resetSimulator();
});
