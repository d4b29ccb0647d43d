// Full-text search over message bodies: a tsvector per message ('simple' configuration on text
// without accents, so every language and partial words by prefix work), kept by the use-cases.
import type { Db } from "../db";
import type { MessageKind } from "../db/generated/enums";
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

/** Ids of tickets with a message of the given kinds matching every word of the query. */
export async function ticketsWithMatchingMessages(db: Db, query: string, kinds: MessageKind[], limit = 5000): Promise<string[]> {
  const tsquery = prefixQuery(query);
  if (!tsquery) return [];
  const rows = await db.$queryRaw<{ ticketId: string }[]>`
    SELECT DISTINCT "ticketId" FROM "Message"
    WHERE "searchVector" @@ to_tsquery('simple', ${tsquery}) AND "kind"::text = ANY(${kinds}::text[])
    LIMIT ${limit}`;
  return rows.map((r) => r.ticketId);
}
