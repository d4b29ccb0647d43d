// The ticket's "Adjuntos": every file of the messages its viewer may see, oldest first.
import { getTranslations } from "next-intl/server";
import { AttachmentLinks, type FileRef } from "../attachments/attachment-links";

export async function TicketFiles({ files }: { files: FileRef[] }) {
  const t = await getTranslations("Attachments");
  return (
    <section
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby="ticket-files"
      data-testid="ticket-files"
    >
      <h2 id="ticket-files" className="mb-2 text-sm font-semibold">
        {t("title", { count: files.length })}
      </h2>
      {files.length ? <AttachmentLinks files={files} /> : <p className="text-sm text-slate-500 dark:text-slate-400">{t("none")}</p>}
    </section>
  );
}
