-- CreateEnum
CREATE TYPE "PriorityMode" AS ENUM ('rules', 'customer_choice');

-- CreateTable
CREATE TABLE "TicketEventDispatch" (
    "eventId" BIGINT NOT NULL,
    "ticketId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "TicketEventDispatch_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "PriorityPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "mode" "PriorityMode" NOT NULL DEFAULT 'rules',
    "fallback" "Priority" NOT NULL DEFAULT 'medium',

    CONSTRAINT "PriorityPolicy_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "TicketEventDispatch" ADD CONSTRAINT "TicketEventDispatch_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TicketEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The dispatcher sleeps until told: a row in the dispatch queue wakes it at commit, on every node
-- (NOTIFY is transactional and one per transaction per payload). Polling covers a missed notice.
CREATE FUNCTION mesa_notify_dispatch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mesa_dispatch', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "TicketEventDispatch_notify" AFTER INSERT ON "TicketEventDispatch"
  FOR EACH STATEMENT EXECUTE FUNCTION mesa_notify_dispatch();
