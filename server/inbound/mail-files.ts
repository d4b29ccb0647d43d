// A mail's files go through the same checks as uploads from the panel (allowed types by name and by
// content, size, hourly count, the organization's storage), one by one: a refused file is named with
// its reason, never refuses the mail. The message's files together stay under the policy's limit.
import { Readable } from "node:stream";
import type { Db } from "../db";
import type { Principal } from "../access/principal";
import { AppError } from "../errors/app-error";
import { receiveUpload, type UploadTarget } from "../files/receive-upload";
import { loadAttachmentPolicy, megabytes } from "../files/policy";
import { translator } from "../i18n/translate";
import type { MailFile } from "./parse/parsed-mail";

export interface KeptFiles {
  attachmentIds: string[];
  /** Why each refused file was not kept (the message names the file), in the sender's language. */
  refused: string[];
}

export async function keepMailFiles(db: Db, sender: Principal, files: MailFile[], target: UploadTarget, now: Date): Promise<KeptFiles> {
  const t = translator(sender.locale);
  const policy = await loadAttachmentPolicy(db);
  const kept: KeptFiles = { attachmentIds: [], refused: [] };
  let total = 0;
  for (const file of files) {
    if (total + file.content.length > policy.maxMessageBytes) {
      kept.refused.push(t("Errors.fileTooLarge", { name: file.name, max: megabytes(policy.maxMessageBytes) }));
      continue;
    }
    try {
      const uploaded = await receiveUpload(
        db,
        sender,
        { name: file.name, size: file.content.length, target, body: Readable.from([file.content]) },
        now,
      );
      kept.attachmentIds.push(uploaded.id);
      total += uploaded.size;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reason = t(`Errors.${error.messageKey}`, { name: file.name, ...error.values });
      kept.refused.push(reason.includes(file.name) ? reason : `«${file.name}»: ${reason}`);
    }
    if (kept.attachmentIds.length >= 20) break;
  }
  return kept;
}
