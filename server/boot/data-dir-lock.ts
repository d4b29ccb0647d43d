// PGlite is single-process: only one process may open DATA_DIR. The server records its pid there,
// and anything else that would open the embedded database checks it first.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const lockFile = (dataDir: string) => path.resolve(dataDir, "server.pid");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live process holding DATA_DIR, or null. */
export async function dataDirHolder(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(lockFile(dataDir), "utf8")).trim());
    return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const holder = await dataDirHolder(dataDir);
  if (holder) throw new Error(`${path.resolve(dataDir)} is in use by process ${holder}: stop it first, or set another DATA_DIR`);
  await mkdir(path.resolve(dataDir), { recursive: true });
  await writeFile(lockFile(dataDir), String(process.pid));
  return () => rm(lockFile(dataDir), { force: true });
}
