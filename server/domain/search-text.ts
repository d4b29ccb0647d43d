// Search text without accents or case, so "configuracion" finds "Configuración". The database
// indexes what these produce; queries go through the same functions.

export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** What trigram search matches on a ticket: its number in both forms, subject and services. */
export function ticketSearchText(t: { number: number; subject: string; services?: string[] }): string {
  const padded = String(t.number).padStart(6, "0");
  return foldText([`tk-${padded}`, String(t.number), t.subject, ...(t.services ?? [])].join(" "));
}
