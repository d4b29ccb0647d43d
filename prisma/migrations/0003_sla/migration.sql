-- CreateEnum
CREATE TYPE "SlaClock" AS ENUM ('first_response', 'resolution');

-- CreateEnum
CREATE TYPE "SlaAlert" AS ENUM ('near_breach', 'breached');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TicketEventKind" ADD VALUE 'replied';
ALTER TYPE "TicketEventKind" ADD VALUE 'note_added';
ALTER TYPE "TicketEventKind" ADD VALUE 'sla_near_breach';
ALTER TYPE "TicketEventKind" ADD VALUE 'sla_breached';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "calendarId" INTEGER;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "calendarId" INTEGER;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "slaClock" "SlaClock",
ADD COLUMN     "slaDueAt" TIMESTAMP(3),
ADD COLUMN     "slaNearAt" TIMESTAMP(3),
ADD COLUMN     "slaResolutionAlert" "SlaAlert",
ADD COLUMN     "slaResponseAlert" "SlaAlert";

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN     "staffOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BusinessCalendar" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workingDays" INTEGER[],
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "holidayCountry" TEXT,
    "holidayRegion" TEXT,
    "extraHolidays" TEXT[],
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BusinessCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "priority" "Priority" NOT NULL,
    "firstResponseMinutes" INTEGER NOT NULL,
    "resolutionMinutes" INTEGER NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("priority")
);

-- CreateIndex
CREATE UNIQUE INDEX "BusinessCalendar_name_key" ON "BusinessCalendar"("name");

-- CreateIndex
CREATE INDEX "Ticket_slaNearAt_idx" ON "Ticket"("slaNearAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Defaults every deployment starts from (seed 003 targets; office hours in Spain), editable by admins.
INSERT INTO "SlaPolicy" ("priority", "firstResponseMinutes", "resolutionMinutes") VALUES
  ('critical', 60, 240), ('urgent', 120, 480), ('high', 240, 1440), ('medium', 480, 2880), ('low', 1440, 4320);
INSERT INTO "BusinessCalendar" ("name", "timeZone", "workingDays", "startTime", "endTime", "holidayCountry", "holidayRegion", "extraHolidays", "isDefault")
  VALUES ('Horario laboral', 'Europe/Madrid', '{1,2,3,4,5}', '09:00', '18:00', 'ES', NULL, '{}', true);
