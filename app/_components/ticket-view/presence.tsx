"use client";
// Collision avoidance for support: who else is on this ticket and who is typing a reply.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { realtimeSocket, useRealtimeEvent } from "../../_lib/realtime";

type Person = { userId: string; name: string; typing: boolean };

export function TicketPresence({ ticketId, selfId }: { ticketId: string; selfId: string }) {
  const t = useTranslations("Presence");
  const [people, setPeople] = useState<Person[]>([]);
  useRealtimeEvent("presence.changed", (change) => {
    if (change.ticketId === ticketId) setPeople(change.people.filter((p) => p.userId !== selfId));
  });
  if (!people.length) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="ticket-presence" aria-live="polite">
      <span className="text-slate-500 dark:text-slate-400">{t("here")}</span>
      {people.map((p) => (
        <span key={p.userId} className="rounded-full bg-sky-100 px-2.5 py-0.5 text-sky-900 dark:bg-sky-900 dark:text-sky-100">
          {p.name}
          {p.typing && <em className="ml-1 not-italic text-sky-700 dark:text-sky-300">{t("typing")}</em>}
        </span>
      ))}
    </p>
  );
}

/** Reports this tab typing (true while text is in the box and was edited in the last few seconds). */
export function useTypingReport(ticketId: string, text: string, enabled: boolean) {
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reported = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    const socket = realtimeSocket();
    const report = (typing: boolean) => {
      if (reported.current === typing) return;
      reported.current = typing;
      socket.emit("presence.typing", ticketId, typing);
    };
    report(text.trim().length > 0);
    clearTimeout(idle.current);
    idle.current = setTimeout(() => report(false), 8_000);
    return () => clearTimeout(idle.current);
  }, [ticketId, text, enabled]);
}
