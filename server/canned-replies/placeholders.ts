// The placeholders a canned reply may hold ({{cliente.nombre}}, {{ticket.numero}}…) and their filling
// for one ticket. Pure: the browser lists the names on the management screen, the server fills
// them. Names are matched without regard to case, accents or spaces inside the braces
// ("{{ Ticket.Número }}" is {{ticket.numero}}); an unknown one is left as typed and reported.

export const placeholderNames = [
  "cliente.nombre",
  "cliente.primer_nombre",
  "cliente.email",
  "organizacion.nombre",
  "ticket.numero",
  "ticket.asunto",
  "ticket.estado",
  "ticket.prioridad",
  "ticket.departamento",
  "ticket.enlace",
  "agente.nombre",
  "agente.primer_nombre",
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

const token = /\{\{([^{}]*)\}\}/g;
const canonical = (raw: string) => raw.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, "").toLowerCase();
const isName = (name: string): name is PlaceholderName => (placeholderNames as readonly string[]).includes(name);

/** The body with every known placeholder replaced by its value, and the unknown ones as typed
 * (each once, in order of appearance). */
export function fillPlaceholders(body: string, values: PlaceholderValues): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = body.replace(token, (whole: string, inner: string) => {
    const name = canonical(inner);
    if (isName(name)) return values[name];
    if (!unknown.includes(whole)) unknown.push(whole);
    return whole;
  });
  return { text, unknown };
}

/** "Paula Partner" → "Paula". */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? "";
