import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unreachableAncestor } from "./postgres-user-access";

const root = mkdtempSync(path.join(os.tmpdir(), "pg-access-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { uid, gid } = statSync(root);
const stranger = { uid: uid + 4242, gid: gid + 4242, groups: [] };

describe("which folder keeps the postgres user out", () => {
  it("finds the first folder without search permission for others", () => {
    const locked = path.join(root, "home");
    mkdirSync(path.join(locked, "clone"), { recursive: true });
    chmodSync(locked, 0o700);
    expect(unreachableAncestor(path.join(locked, "clone", ".data", "postgres"), stranger)).toBe(locked);
    chmodSync(locked, 0o711);
    expect(unreachableAncestor(path.join(locked, "clone", ".data", "postgres"), stranger)).toBeUndefined();
  });

  it("lets the owner and the group through by their own bits", () => {
    const mine = path.join(root, "mine");
    mkdirSync(mine);
    chmodSync(mine, 0o710);
    const target = path.join(mine, "data");
    expect(unreachableAncestor(target, { uid, gid: gid + 1, groups: [] })).toBeUndefined();
    expect(unreachableAncestor(target, { uid: uid + 1, gid, groups: [] })).toBeUndefined();
    expect(unreachableAncestor(target, { uid: uid + 1, gid: gid + 1, groups: [gid] })).toBeUndefined();
    expect(unreachableAncestor(target, stranger)).toBe(mine);
  });
});
