// Intl.DateTimeFormat instances shared by the process, one per language and options. Building one
// costs far more than using one, and exports, calendars and mails format dates row after row and
// recipient after recipient. The keys are bounded: four languages, a few hundred zones, the handful
// of option sets the code uses.
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
