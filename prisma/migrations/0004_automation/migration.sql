-- CreateEnum
CREATE TYPE "DayCount" AS ENUM ('calendar', 'business');

-- CreateEnum
CREATE TYPE "CustomerClose" AS ENUM ('after_resolved', 'any_time');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "replyToken" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text),
ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailNotifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "AutomationPolicy" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER,
    "autoResolveDays" INTEGER,
    "autoCloseDays" INTEGER,
    "autoCloseUnit" "DayCount",
    "customerMayClose" "CustomerClose",
    "mailCreated" BOOLEAN,
    "mailEscalated" BOOLEAN,
    "mailResolved" BOOLEAN,
    "mailClosed" BOOLEAN,
    "mailAgentReply" BOOLEAN,
    "mailAutoResolved" BOOLEAN,

    CONSTRAINT "AutomationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "ticketId" UUID,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AutomationPolicy_departmentId_key" ON "AutomationPolicy"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMail_key_key" ON "OutboxMail"("key");

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_replyToken_key" ON "Ticket"("replyToken");

-- CreateIndex
CREATE INDEX "Ticket_status_statusChangedAt_idx" ON "Ticket"("status", "statusChangedAt");

-- AddForeignKey
ALTER TABLE "AutomationPolicy" ADD CONSTRAINT "AutomationPolicy_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing tickets entered their status at their last update, at the latest.
UPDATE "Ticket" SET "statusChangedAt" = "updatedAt";

-- The deployment's policy (seed 000 defaults, seed 001 auto-resolve), editable by admins.
INSERT INTO "AutomationPolicy" ("departmentId", "autoResolveDays", "autoCloseDays", "autoCloseUnit", "customerMayClose",
  "mailCreated", "mailEscalated", "mailResolved", "mailClosed", "mailAgentReply", "mailAutoResolved")
  VALUES (NULL, 5, 7, 'calendar', 'after_resolved', true, true, true, true, true, true);
