// Several keys for one shortcut, joined as the language joins alternatives ("Intro u o" in Spanish,
// "Enter or o" in English, "Entrée ou o" in French): the keys become <kbd>, the words between them
// stay text. Intl.ListFormat knows the rules (Spanish "o" turns "u" before an o-sound).

export type KeyPart = { kind: "key"; value: string } | { kind: "text"; value: string };

export function keyParts(keys: string[], locale: string): KeyPart[] {
  return new Intl.ListFormat(locale, { type: "disjunction" })
    .formatToParts(keys)
    .map((p) => (p.type === "element" ? { kind: "key", value: p.value } : { kind: "text", value: p.value }));
}
