// The storage this process uses: uploadthing when UPLOADTHING_TOKEN is set, else the local disk
// under DATA_DIR. Kept on globalThis: route handlers are bundled apart from the custom server.
import path from "node:path";
import { getConfig } from "../../config/env";
import type { StorageKind } from "../../db/generated/enums";
import type { FileStorage } from "./contract";
import { LocalDiskStorage } from "./local-disk";
import { UploadthingStorage } from "./uploadthing";

const slot = Symbol.for("mesa.fileStorage");
type Holder = { [slot]?: Map<StorageKind, FileStorage> };

function build(kind: StorageKind): FileStorage {
  const config = getConfig();
  if (kind === "uploadthing") {
    if (!config.UPLOADTHING_TOKEN) throw new Error("a file is stored on uploadthing but UPLOADTHING_TOKEN is not set");
    return new UploadthingStorage(config.UPLOADTHING_TOKEN);
  }
  return new LocalDiskStorage(path.resolve(config.DATA_DIR, "files"));
}

/** The storage a file of `kind` lives in (files keep the storage they were written to). */
export function storageOf(kind: StorageKind): FileStorage {
  const holder = globalThis as Holder;
  holder[slot] ??= new Map();
  let storage = holder[slot].get(kind);
  if (!storage) {
    storage = build(kind);
    holder[slot].set(kind, storage);
  }
  return storage;
}

/** Where new uploads go. */
export function activeStorage(): FileStorage {
  return storageOf(getConfig().UPLOADTHING_TOKEN ? "uploadthing" : "local");
}

/** The folder for uploads still being received (on the local disk in any case). */
export function incomingDir(): string {
  return path.resolve(getConfig().DATA_DIR, "files", "incoming");
}

export type { FileStorage } from "./contract";
