// The four translations must offer the same messages, each valid ICU, with the same placeholders:
// a missing key shows a raw key on screen, a renamed placeholder shows "{name}" to the reader.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { defaultLocale, locales } from "../../server/i18n/locales";
import { flatten, loadMessages } from "../support/messages";

const flat = Object.fromEntries(locales.map((l) => [l, new Map(flatten(loadMessages(l)))])) as Record<
  (typeof locales)[number],
  Map<string, string>
>;
const reference = flat[defaultLocale];
const others = locales.filter((l) => l !== defaultLocale);

/** The placeholders and tags a message uses, e.g. ["{name}", "<b>"]. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`{${el.value}}`);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      found.add(`{${el.value}}`);
      for (const option of Object.values(el.options)) placeholders(option.value, found);
    }
    if (el.type === TYPE.tag) {
      found.add(`<${el.value}>`);
      placeholders(el.children, found);
    }
  }
  return found;
}

describe("messages/*.json", () => {
  it("the reference (English) catalogue is not empty", () => {
    expect(reference.size).toBeGreaterThan(50);
  });

  it.each(others)("%s has exactly the keys of en", (locale) => {
    const keys = new Set(flat[locale].keys());
    const missing = [...reference.keys()].filter((k) => !keys.has(k));
    const extra = [...keys].filter((k) => !reference.has(k));
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  });

  it.each(locales)("every %s message is valid ICU and not empty", (locale) => {
    const broken: string[] = [];
    for (const [key, text] of flat[locale]) {
      try {
        parse(text);
        if (!text.trim()) broken.push(`${key}: empty`);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(others)("%s uses the same placeholders as en in every message", (locale) => {
    const differing: string[] = [];
    for (const [key, text] of flat[locale]) {
      const english = reference.get(key);
      if (english === undefined) continue; // reported by the key test
      const ours = [...placeholders(parse(text))].sort().join(" ");
      const theirs = [...placeholders(parse(english))].sort().join(" ");
      if (ours !== theirs) differing.push(`${key}: ${locale} has [${ours}], en has [${theirs}]`);
    }
    expect(differing).toEqual([]);
  });

  it("finds the placeholders a message really has", () => {
    expect([...placeholders(parse("Hi {name}, {count, plural, one {# <b>{email}</b>} other {#}}"))].sort()).toEqual([
      "<b>",
      "{count}",
      "{email}",
      "{name}",
    ]);
  });
});
