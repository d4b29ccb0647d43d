// A number as a click-to-call link: digits only, with the leading "+" of an international number
// kept ("+52 55 1234-5678" → "tel:+525512345678").
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${digits}`;
}
