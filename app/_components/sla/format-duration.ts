// "2 h 10 min" in the reader's language (Intl unit formatting; Intl.DurationFormat is not in
// Node 20, which renders these on the server). SLA targets are business hours, so no days.
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const unit = (value: number, u: "hour" | "minute") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return unit(m, "minute");
  return m ? `${unit(h, "hour")} ${unit(m, "minute")}` : unit(h, "hour");
}
