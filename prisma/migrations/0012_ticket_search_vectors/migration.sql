-- The keyword search matches a ticket by its own row: every public message's words in
-- "searchPublic" (what customers search), public messages and internal notes in "searchStaff"
-- (what support searches), written by server/tickets/message-search.ts. The list then filters each
-- branch's rows as it reads them in order, instead of joining millions of messages per query
-- (server/tickets/list-query.ts); the per-message vectors and their index go. On a large
-- deployment the backfill reads every message once (15 min for a million tickets and 4.8 million
-- messages on 2 cores, measured on the bench dataset).

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "searchPublic" tsvector,
ADD COLUMN "searchStaff" tsvector;

-- Backfill from the per-message vectors (already folded: lower case, no accents). PostgreSQL refuses
-- a tsvector over 1 MB: a thread whose words' text passes 750 000 bytes (the limit the use-cases
-- keep, WORDS_LIMIT in message-search.ts) is left to its subject, number and services, and its
-- next messages' words.
UPDATE "Ticket" t
SET "searchPublic" = CASE WHEN octet_length(s.pub) <= 750000 THEN s.pub::tsvector END,
    "searchStaff" = CASE WHEN octet_length(s.staff) <= 750000 THEN s.staff::tsvector END
FROM (
  SELECT "ticketId",
         string_agg(strip("searchVector")::text, ' ') FILTER (WHERE kind = 'public') AS pub,
         string_agg(strip("searchVector")::text, ' ') AS staff
  FROM "Message"
  WHERE kind IN ('public', 'internal') AND "searchVector" IS NOT NULL
  GROUP BY "ticketId"
) s
WHERE s."ticketId" = t.id;

-- DropIndex
DROP INDEX "Message_searchVector_idx";

-- AlterTable
ALTER TABLE "Message" DROP COLUMN "searchVector";

-- CreateIndex
CREATE INDEX "Ticket_searchPublic_idx" ON "Ticket" USING GIN ("searchPublic");

-- CreateIndex
CREATE INDEX "Ticket_searchStaff_idx" ON "Ticket" USING GIN ("searchStaff");

-- The planner needs the new columns' word statistics at once: without them it guesses that any
-- word is rare and starts every list branch from the full-text index (seconds for a common word
-- at a million tickets, against milliseconds read in order).
ANALYZE "Ticket";
