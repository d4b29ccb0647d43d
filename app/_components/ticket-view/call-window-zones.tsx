"use client";
// A call's window on the agent's clock and on the customer's, each labelled with its zone (one line
// when both are the same). Formatted with an explicit zone and plain spaces, so server and browser
// write the same text (app/_lib/plain-spaces.ts).
import { useFormatter, useTranslations } from "next-intl";
import { plainSpaces } from "../../_lib/plain-spaces";

export function CallWindowZones({
  start,
  end,
  agentZone,
  customerZone,
}: {
  start: Date;
  end: Date;
  agentZone: string;
  customerZone: string | undefined;
}) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  const range = (timeZone: string) =>
    plainSpaces(format.dateTimeRange(new Date(start), new Date(end), { dateStyle: "medium", timeStyle: "short", timeZone }));
  const rows: [string, string][] =
    !customerZone || customerZone === agentZone
      ? [[customerZone ? t("sameZone", { zone: agentZone }) : t("yourZone", { zone: agentZone }), range(agentZone)]]
      : [
          [t("yourZone", { zone: agentZone }), range(agentZone)],
          [t("customerZone", { zone: customerZone }), range(customerZone)],
        ];
  return (
    <dl className="flex flex-col gap-1 text-sm" data-testid="call-window">
      {rows.map(([label, value]) => (
        <div key={label} className="flex flex-col">
          <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
