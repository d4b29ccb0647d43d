"use client";
// The conversation: customer and agent messages, internal notes for staff, system notes for every
// change; one's own messages can be edited (earlier versions stay visible); the reply box keeps a
// draft so nothing typed is lost.
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { FormMessage, buttonClass, secondaryButtonClass } from "../field";
import { AttachmentLinks } from "../attachments/attachment-links";
import { AttachmentPicker } from "../attachments/attachment-picker";
import { SensitiveField } from "../attachments/sensitive-field";
import { SensitiveReveal } from "../attachments/sensitive-reveal";
import { useUploads, type UploadLimits } from "../attachments/use-uploads";
import { useDraft } from "../../_lib/use-draft";
import { useTRPC } from "../../_lib/trpc";
import { useComposerRequests, type ComposerMode } from "../shortcuts/composer";
import { QuotedText, ReceivedByMail } from "./mailed-message";
import { useTypingReport } from "./presence";
import type { ThreadMessage, TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";
import { plainSpaces } from "../../_lib/plain-spaces";
import { Link } from "../../_i18n/navigation";
import { CannedList, pickerKeyDown, useCannedPicker, type PickedMacro } from "./canned-picker";

const textarea = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900";
const noteTextarea = "w-full rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-base dark:border-amber-700 dark:bg-amber-950";
const noteButton =
  "rounded-md border border-amber-400 bg-amber-100 px-4 py-2 text-sm font-semibold text-amber-900 hover:bg-amber-200 disabled:opacity-60";
const notePrimaryButton =
  "rounded-md border border-amber-700 bg-amber-700 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-800 disabled:opacity-60";

function SystemNote({ message }: { message: ThreadMessage }) {
  const t = useTranslations();
  const e = message.event;
  if (!e) return null;
  const value = (v: string | null) =>
    v && e.kind === "status_changed"
      ? t(`Statuses.${v}` as "Statuses.new")
      : v && e.kind === "priority_changed"
        ? t(`Priorities.${v}` as "Priorities.low")
        : (v ?? "");
  // Automatic transitions say why: "Cerrado automáticamente tras 7 días en Resuelto".
  const auto = e.kind === "status_changed" ? /^auto:(\d+):(calendar|business)$/.exec(e.detail ?? "") : null;
  const key = auto ? `auto_${e.after}` : e.kind === "assigned" && !e.after ? "unassigned" : e.kind;
  const text = t(`Events.${key}` as "Events.status_changed", {
    actor: message.author?.name ?? t("TicketView.system"),
    before: value(e.before),
    after: value(e.after),
    // How a ticket opened on a customer's behalf came ("teléfono"), in the reader's language.
    detail:
      e.kind === "opened_on_behalf" && (e.detail === "phone" || e.detail === "email")
        ? t(`OnBehalf.channelInNote.${e.detail}`)
        : (e.detail ?? ""),
    days: auto ? Number(auto[1]) : 0, // a number: the message's plural agrees with it ("1 día", "7 días")
    unit: auto?.[2] ?? "",
  });
  return <p className="text-center text-xs text-slate-500 dark:text-slate-400">{text}</p>;
}

interface Sensitivity {
  ticketId: string;
  staff: boolean;
  canView: boolean;
}

function MessageItem({
  message,
  timeZone,
  editable,
  sensitivity,
}: {
  message: ThreadMessage;
  timeZone: string;
  editable: boolean;
  sensitivity: Sensitivity;
}) {
  const t = useTranslations("TicketView");
  const tMerge = useTranslations("Merge");
  const format = useFormatter();
  const trpc = useTRPC();
  const edit = useMutation(trpc.tickets.editMessage.mutationOptions());
  const action = useTicketAction();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(message.body);
  const internal = message.kind === "internal";
  const staffAuthor = message.author?.role === "agent" || message.author?.role === "admin";
  const tone = internal
    ? "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950"
    : staffAuthor
      ? "border-brand-100 bg-brand-50 dark:border-brand-800 dark:bg-slate-900"
      : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900";
  return (
    <li className={`rounded-xl border p-4 ${tone}`} data-testid="thread-message">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span className="font-semibold text-slate-800 dark:text-slate-100">{message.mine ? t("you") : message.author?.name}</span>
        {internal && <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold text-amber-900">{t("internalNote")}</span>}
        {message.mergedFrom && (
          <span
            className="rounded bg-sky-100 px-1.5 py-0.5 font-semibold text-sky-900 dark:bg-sky-900 dark:text-sky-100"
            data-testid="merged-from"
          >
            {tMerge("fromTicket", { reference: message.mergedFrom })}
          </span>
        )}
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {plainSpaces(format.dateTime(new Date(message.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone }))}
        </time>
        {message.editedAt && <span>({t("edited")})</span>}
        {editable && !editing && (
          <button type="button" className="ml-auto underline" onClick={() => setEditing(true)} aria-label={`${t("edit")}`}>
            {t("edit")}
          </button>
        )}
      </div>
      {editing ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await action.run(() => edit.mutateAsync({ messageId: message.id, body }))) setEditing(false);
          }}
        >
          {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
          <label className="sr-only" htmlFor={`edit-${message.id}`}>
            {t("edit")}
          </label>
          <textarea id={`edit-${message.id}`} className={textarea} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={action.busy}>
              {t("save")}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                setEditing(false);
                setBody(message.body);
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <p className="whitespace-pre-wrap break-words">{message.body}</p>
      )}
      {message.quotedText && <QuotedText text={message.quotedText} />}
      {message.attachments.length > 0 && (
        <div className="mt-3">
          <AttachmentLinks files={message.attachments} previews />
        </div>
      )}
      {message.hasSensitive && (
        <SensitiveReveal ticketId={sensitivity.ticketId} messageId={message.id} staff={sensitivity.staff} allowed={sensitivity.canView} />
      )}
      {message.versions.length > 0 && (
        <details className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          <summary className="cursor-pointer">{t("history")}</summary>
          <ol className="mt-1 flex flex-col gap-1">
            {message.versions.map((v) => (
              <li key={String(v.replacedAt)} className="whitespace-pre-wrap border-l-2 border-slate-300 pl-2">
                <time className="block">
                  {plainSpaces(format.dateTime(new Date(v.replacedAt), { dateStyle: "short", timeStyle: "short", timeZone }))}
                </time>
                {v.body}
              </li>
            ))}
          </ol>
        </details>
      )}
      {message.mail && <ReceivedByMail mail={message.mail} />}
    </li>
  );
}

function ReplyBox({ ticket, staff, limits }: { ticket: TicketDetail; staff: boolean; limits: UploadLimits }) {
  const t = useTranslations("TicketView");
  const tStaff = useTranslations("Staff");
  const trpc = useTRPC();
  const reply = useMutation(trpc.tickets.reply.mutationOptions());
  const macroReply = useMutation(trpc.canned.reply.mutationOptions());
  const action = useTicketAction();
  const draft = useDraft(`mesa-draft:reply:${ticket.id}`, { body: "", macro: null as PickedMacro | null });
  const tCanned = useTranslations("Canned");
  const tAll = useTranslations();
  const picker = useCannedPicker(ticket.id, staff);
  const [inserted, setInserted] = useState<string>();
  // Never in the draft: sensitive information must not rest in the browser's storage.
  const [sensitive, setSensitive] = useState("");
  const uploads = useUploads({ ticket: ticket.id }, limits, `mesa-draft:reply:${ticket.id}`);
  // Customers may add sensitive information where the department offers the box; after a close
  // erased it, a reopened ticket asks for it again (seed 002).
  const offerSensitive = !staff && ticket.department.sensitiveInfo;
  const askAgain = offerSensitive && ticket.sensitiveErased;
  const tPresence = useTranslations("Presence");
  const tSensitive = useTranslations("Sensitive");
  const tAttachments = useTranslations("Attachments");
  useTypingReport(ticket.id, draft.values.body, staff);

  // "Responder" or "Nota interna" (the agent shortcuts r / n ask for one and focus the box): the mode
  // decides which send looks primary; each button still sends what it says.
  const tShortcuts = useTranslations("Shortcuts");
  const [mode, setMode] = useState<ComposerMode>("reply");
  const bodyField = useRef<HTMLTextAreaElement>(null);
  useComposerRequests((requested) => {
    if (requested === "note" && !staff) return;
    setMode(requested);
    const field = bodyField.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  });
  const noteMode = staff && mode === "note";

  // Collision check: the last message when this reply was started; if another arrives meanwhile,
  // sending asks first, so nobody answers a question already answered.
  const lastMessageId = ticket.messages.filter((m) => m.kind !== "system").at(-1)?.id;
  const [baseline, setBaseline] = useState<string | undefined>(undefined);
  const [stale, setStale] = useState<boolean | "confirmed">(false);
  // Adjusted while rendering, not in an effect, and only on a change (an update during render renders
  // again): an empty box follows the thread; the first keystroke or a restored draft keeps its message.
  if (baseline !== lastMessageId && (!draft.values.body || baseline === undefined)) setBaseline(lastMessageId);

  async function send(internal: boolean) {
    if (staff && stale !== "confirmed" && baseline !== undefined && baseline !== lastMessageId) {
      setStale(true);
      return;
    }
    if (uploads.uploading) return;
    const extra = { attachmentIds: uploads.ready.map((u) => u.id), sensitive: offerSensitive && !internal ? sensitive : undefined };
    const macro = staff ? draft.values.macro : null;
    const sent = macro
      ? () =>
          macroReply.mutateAsync({
            ticket: ticket.id,
            body: draft.values.body,
            internal,
            attachmentIds: extra.attachmentIds,
            cannedId: macro.id,
          })
      : () => reply.mutateAsync({ ticket: ticket.id, body: draft.values.body, internal, ...extra });
    if (await action.run(sent)) {
      setInserted(undefined);
      draft.clear();
      uploads.clear();
      setSensitive("");
      setStale(false);
      setBaseline(undefined);
    }
  }
  function choose(i: number) {
    const r = picker.matches[i];
    const typed = picker.typed;
    const field = bodyField.current;
    if (!r || !typed || !field) return;
    const body = draft.values.body;
    const end = field.selectionStart;
    const next = body.slice(0, typed.start) + r.body + body.slice(end);
    const isMacro = !!(r.setStatus || r.setPriority || r.addTags.length);
    draft.setValues({
      body: next,
      macro: isMacro
        ? { id: r.id, title: r.title, setStatus: r.setStatus, setPriority: r.setPriority, addTags: r.addTags }
        : draft.values.macro,
    });
    picker.setCaret(null);
    const language = tAll(`Locales.${r.locale}`);
    setInserted(
      [
        tCanned("inserted", { title: r.title, language }),
        r.unknown.length ? tCanned("unknownPlaceholders", { count: r.unknown.length, list: r.unknown.join(", ") }) : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    const caret = typed.start + r.body.length;
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(caret, caret);
    });
  }
  const macro = staff ? draft.values.macro : null;
  const macroChanges = macro
    ? [
        macro.setStatus && tCanned("alsoStatus", { status: tAll(`Statuses.${macro.setStatus}` as "Statuses.new") }),
        macro.setPriority && tCanned("alsoPriority", { priority: tAll(`Priorities.${macro.setPriority}` as "Priorities.low") }),
        macro.addTags.length > 0 && tCanned("alsoTags", { tags: macro.addTags.join(", ") }),
      ].filter(Boolean)
    : [];
  function submit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }
  return (
    <form
      onSubmit={submit}
      data-testid="composer"
      data-composer-mode={staff ? mode : undefined}
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">{t("reply")}</h2>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {stale === true && (
        <div
          role="alert"
          data-testid="stale-reply"
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {tPresence("stale")}
          <button type="button" className="underline" onClick={() => setStale("confirmed")}>
            {tPresence("sendAnyway")}
          </button>
        </div>
      )}
      <label htmlFor="reply-body" className="text-sm font-medium">
        {t("replyLabel")}
      </label>
      {staff && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {tCanned("composerHint")}{" "}
          <Link href="/agent/canned-replies" className="underline">
            {tCanned("manage")}
          </Link>
        </p>
      )}
      {noteMode && (
        <p id="composer-mode" className="text-xs font-semibold text-amber-800 dark:text-amber-200">
          {tShortcuts("composerNote")}
        </p>
      )}
      <textarea
        id="reply-body"
        ref={bodyField}
        className={noteMode ? noteTextarea : textarea}
        rows={5}
        aria-describedby={noteMode ? "composer-mode" : undefined}
        {...(staff
          ? {
              role: "combobox",
              "aria-autocomplete": "list" as const,
              "aria-expanded": picker.open,
              "aria-controls": picker.open ? "canned-list" : undefined,
              "aria-activedescendant":
                picker.open && picker.matches[picker.current] ? `canned-option-${picker.matches[picker.current]!.id}` : undefined,
            }
          : {})}
        value={draft.values.body}
        onChange={(e) => {
          draft.setValues({ ...draft.values, body: e.target.value });
          picker.setCaret({ body: e.target.value, at: e.target.selectionStart });
        }}
        onKeyDown={(e) => void pickerKeyDown(picker, e, choose)}
        onBlur={() => picker.setCaret(null)}
        onPaste={uploads.onPaste}
      />
      {staff && <CannedList picker={picker} onChoose={choose} />}
      {staff && inserted && (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-200" data-testid="canned-inserted">
          {inserted}
        </p>
      )}
      {macro && (
        <div
          data-testid="macro-pending"
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <span>{tCanned("macroPending", { title: macro.title })}</span>
          <strong>{tCanned("also", { changes: macroChanges.join(" · ") })}</strong>
          <button type="button" className="underline" onClick={() => draft.setValues({ ...draft.values, macro: null })}>
            {tCanned("dropMacro")}
          </button>
        </div>
      )}
      <AttachmentPicker uploads={uploads} limits={limits} />
      {offerSensitive && (
        // Folded away until wanted; open when a reopened ticket asks for it again.
        <details open={askAgain || sensitive !== "" || undefined} className="group">
          <summary className="cursor-pointer text-sm font-medium text-emerald-800 dark:text-emerald-300">{tSensitive("add")}</summary>
          <div className="mt-2">
            <SensitiveField
              id="reply-sensitive"
              value={sensitive}
              onChange={setSensitive}
              notice={askAgain ? tSensitive("askAgain") : undefined}
            />
          </div>
        </details>
      )}
      {uploads.uploading && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {tAttachments("waitForUploads")}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={noteMode ? secondaryButtonClass : buttonClass} disabled={action.busy || uploads.uploading}>
          {staff ? tStaff("reply") : t("send")}
        </button>
        {staff && (
          <button
            type="button"
            className={noteMode ? notePrimaryButton : noteButton}
            disabled={action.busy || uploads.uploading}
            onClick={() => void send(true)}
          >
            {tStaff("note")}
          </button>
        )}
      </div>
    </form>
  );
}

export function TicketThread({
  ticket,
  timeZone,
  staff,
  limits,
  canViewSensitive,
}: {
  ticket: TicketDetail;
  timeZone: string;
  staff: boolean;
  limits: UploadLimits;
  canViewSensitive: boolean;
}) {
  const t = useTranslations("TicketView");
  const closed = ticket.status === "closed";
  return (
    <section className="flex flex-col gap-4" aria-label={t("thread")}>
      <ol className="flex flex-col gap-3">
        {ticket.messages.map((m) =>
          m.kind === "system" ? (
            <li key={m.id}>
              <SystemNote message={m} />
            </li>
          ) : (
            <MessageItem
              key={m.id}
              message={m}
              timeZone={timeZone}
              editable={m.mine && !closed && !m.mergedFrom}
              sensitivity={{ ticketId: ticket.id, staff, canView: canViewSensitive }}
            />
          ),
        )}
      </ol>
      {!closed && <ReplyBox ticket={ticket} staff={staff} limits={limits} />}
    </section>
  );
}
