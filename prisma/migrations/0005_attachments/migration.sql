-- CreateEnum
CREATE TYPE "StorageKind" AS ENUM ('local', 'uploadthing');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TicketEventKind" ADD VALUE 'sensitive_revealed';
ALTER TYPE "TicketEventKind" ADD VALUE 'sensitive_erased';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "sensitiveInfo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "storage" "StorageKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "fileType" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "organizationId" UUID,
    "uploaderId" UUID NOT NULL,
    "ticketId" UUID,
    "messageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "discardedAt" TIMESTAMP(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "allowedTypes" TEXT[],
    "maxMessageBytes" INTEGER NOT NULL,
    "uploadsPerHour" INTEGER NOT NULL,
    "orgQuotaBytes" BIGINT NOT NULL,

    CONSTRAINT "AttachmentPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SensitiveInfo" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "keyId" TEXT NOT NULL,
    "iv" BYTEA NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SensitiveInfo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_uploaderId_createdAt_idx" ON "Attachment"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_organizationId_idx" ON "Attachment"("organizationId");

-- CreateIndex
CREATE INDEX "Attachment_ticketId_idx" ON "Attachment"("ticketId");

-- CreateIndex
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "SensitiveInfo_messageId_key" ON "SensitiveInfo"("messageId");

-- CreateIndex
CREATE INDEX "SensitiveInfo_ticketId_idx" ON "SensitiveInfo"("ticketId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SensitiveInfo" ADD CONSTRAINT "SensitiveInfo_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SensitiveInfo" ADD CONSTRAINT "SensitiveInfo_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The deployment's attachment policy (seed 002/003): these types, 20 MiB per message, 100 uploads an
-- hour per person, 5 GiB per organization.
INSERT INTO "AttachmentPolicy" ("id", "allowedTypes", "maxMessageBytes", "uploadsPerHour", "orgQuotaBytes")
VALUES (1, ARRAY['png','jpg','gif','pdf','txt','log','doc','docx','zip','tar.gz'], 20971520, 100, 5368709120);
