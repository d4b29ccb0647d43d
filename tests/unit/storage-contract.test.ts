// The storage contract against the local disk implementation; the uploadthing one must satisfy the
// same interface, which the compiler checks here.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expectTypeOf, it } from "vitest";
import type { FileStorage } from "../../server/files/storage/contract";
import { LocalDiskStorage } from "../../server/files/storage/local-disk";
import { UploadthingStorage } from "../../server/files/storage/uploadthing";
import { storageContract } from "../support/storage-contract";

describe("local disk storage", () => {
  storageContract(async () => new LocalDiskStorage(await mkdtemp(path.join(tmpdir(), "mesa-files-"))));
});

describe("uploadthing storage", () => {
  it("implements the same contract", () => {
    expectTypeOf<UploadthingStorage>().toExtend<FileStorage>();
  });
});
