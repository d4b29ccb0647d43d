// Ticket numbers as people see them: TK-000042 (zero-padded to 6, longer when it outgrows that).

export const formatTicketNumber = (n: number) => `TK-${String(n).padStart(6, "0")}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads "TK-000042", "tk-42", "42" or a ticket's uuid; null when it is neither. */
export function parseTicketRef(ref: string): { number: number } | { id: string } | null {
  const trimmed = ref.trim();
  if (UUID.test(trimmed)) return { id: trimmed.toLowerCase() };
  const match = /^(?:tk-?)?0*(\d{1,9})$/i.exec(trimmed);
  if (!match) return null;
  const number = Number(match[1]);
  return number > 0 && number <= 2_147_483_647 ? { number } : null;
}
