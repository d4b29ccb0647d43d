// Full-text search over message bodies: a tsvector per message ('simple' configuration on text
// without accents, so every language and partial words by prefix work), kept by the use-cases.
import { foldText } from "../domain/search-text";
import type { Tx } from "../db";

export async function indexMessage(tx: Tx, messageId: string, body: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Message" SET "searchVector" = to_tsvector('simple', ${foldText(body)}) WHERE "id" = ${messageId}::uuid`;
}

/** "conf serv" → 'conf':* & 'serv':*  (every word, as a prefix); null when nothing is searchable. */
export function prefixQuery(query: string): string | null {
  const words = foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((w) => `'${w}':*`)
        .join(" & ")
    : null;
}
