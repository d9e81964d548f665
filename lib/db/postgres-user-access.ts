import { readFileSync, statSync } from "node:fs";
import path from "node:path";

type Account = { uid: number; gid: number; groups: number[] };

/** The postgres system user from /etc/passwd and /etc/group, if it exists yet. */
function postgresAccount(): Account | undefined {
  try {
    const entry = readFileSync("/etc/passwd", "utf8").split("\n").find((line) => line.startsWith("postgres:"));
    if (!entry) return undefined;
    const [, , uid, gid] = entry.split(":");
    const groups = readFileSync("/etc/group", "utf8")
      .split("\n")
      .filter((line) => line.split(":")[3]?.split(",").includes("postgres"))
      .map((line) => Number(line.split(":")[2]));
    return { uid: Number(uid), gid: Number(gid), groups };
  } catch {
    return undefined;
  }
}

/**
 * The first folder on the way to `target` that the postgres user may not enter (no
 * search permission for it), or undefined when every one is reachable. A user that does
 * not exist yet is judged as "others", which is what it will be when it is created.
 */
export function unreachableAncestor(target: string, account: Account | undefined = postgresAccount()): string | undefined {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const folder of folders) {
    let stat;
    try {
      stat = statSync(folder);
    } catch {
      return undefined; // Not created yet: created below a reachable folder, by root, world-searchable.
    }
    const mode = stat.mode;
    const allowed =
      account && stat.uid === account.uid
        ? mode & 0o100
        : account && (stat.gid === account.gid || account.groups.includes(stat.gid))
          ? mode & 0o010
          : mode & 0o001;
    if (!allowed) return folder;
  }
  return undefined;
}
