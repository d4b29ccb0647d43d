-- CreateEnum
CREATE TYPE "IntakePolicy" AS ENUM ('off', 'known_contacts', 'anyone');

-- CreateEnum
CREATE TYPE "ClosedReplyPolicy" AS ENUM ('reopen', 'new_ticket');

-- CreateEnum
CREATE TYPE "InboundSource" AS ENUM ('imap', 'pop3', 'webhook');

-- CreateEnum
CREATE TYPE "InboundStatus" AS ENUM ('pending', 'processed', 'held', 'failed', 'discarded');

-- CreateEnum
CREATE TYPE "MailboxProtocol" AS ENUM ('imap', 'pop3');

-- CreateEnum
CREATE TYPE "MailboxAuth" AS ENUM ('password', 'oauth2');

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "closedReply" "ClosedReplyPolicy" NOT NULL DEFAULT 'reopen',
ADD COLUMN     "mailIntake" "IntakePolicy" NOT NULL DEFAULT 'off';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "inboundMailId" UUID,
ADD COLUMN     "quotedText" TEXT;

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "bounceDetail" TEXT,
ADD COLUMN     "bouncedAt" TIMESTAMP(3),
ADD COLUMN     "messageId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailBounceDetail" TEXT,
ADD COLUMN     "mailBouncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuthorizedContact" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorizedContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactCategory" (
    "contactId" UUID NOT NULL,
    "categoryId" INTEGER NOT NULL,

    CONSTRAINT "ContactCategory_pkey" PRIMARY KEY ("contactId","categoryId")
);

-- CreateTable
CREATE TABLE "IntakeAddress" (
    "id" SERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "categoryId" INTEGER,

    CONSTRAINT "IntakeAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" UUID NOT NULL,
    "source" "InboundSource" NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "mailboxId" UUID,
    "raw" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "messageId" TEXT,
    "messageKey" TEXT NOT NULL,
    "acceptedKey" TEXT,
    "fromAddress" TEXT,
    "subject" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "InboundStatus" NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "threadRule" TEXT,
    "detail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "processedAt" TIMESTAMP(3),
    "ticketId" UUID,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "protocol" "MailboxProtocol" NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "tls" BOOLEAN NOT NULL DEFAULT true,
    "username" TEXT NOT NULL,
    "auth" "MailboxAuth" NOT NULL DEFAULT 'password',
    "passwordSealed" TEXT,
    "oauthProvider" TEXT,
    "oauthClientId" TEXT,
    "oauthClientSecretSealed" TEXT,
    "refreshTokenSealed" TEXT,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "processedFolder" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "uidValidity" BIGINT,
    "lastUid" BIGINT,
    "lastFetchAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "authProblem" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxOAuthState" (
    "state" TEXT NOT NULL,
    "mailboxId" UUID NOT NULL,
    "verifier" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxOAuthState_pkey" PRIMARY KEY ("state")
);

-- CreateIndex
CREATE INDEX "AuthorizedContact_userId_idx" ON "AuthorizedContact"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorizedContact_organizationId_userId_key" ON "AuthorizedContact"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeAddress_address_key" ON "IntakeAddress"("address");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_sourceKey_key" ON "InboundMail"("sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_acceptedKey_key" ON "InboundMail"("acceptedKey");

-- CreateIndex
CREATE INDEX "InboundMail_status_nextAttemptAt_idx" ON "InboundMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "InboundMail_messageId_idx" ON "InboundMail"("messageId");

-- CreateIndex
CREATE INDEX "InboundMail_receivedAt_idx" ON "InboundMail"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_name_key" ON "Mailbox"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Message_inboundMailId_key" ON "Message"("inboundMailId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMail_messageId_key" ON "OutboxMail"("messageId");

-- AddForeignKey
ALTER TABLE "AuthorizedContact" ADD CONSTRAINT "AuthorizedContact_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorizedContact" ADD CONSTRAINT "AuthorizedContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactCategory" ADD CONSTRAINT "ContactCategory_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "AuthorizedContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactCategory" ADD CONSTRAINT "ContactCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeAddress" ADD CONSTRAINT "IntakeAddress_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeAddress" ADD CONSTRAINT "IntakeAddress_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_inboundMailId_fkey" FOREIGN KEY ("inboundMailId") REFERENCES "InboundMail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The inbound processor sleeps until told: a stored mail wakes it at commit, on every node. Polling
-- covers a missed notice.
CREATE FUNCTION mesa_notify_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mesa_inbound', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InboundMail_notify" AFTER INSERT OR UPDATE OF "status" ON "InboundMail"
  FOR EACH STATEMENT EXECUTE FUNCTION mesa_notify_inbound();

-- Thread notes of the email channel.
ALTER TYPE "TicketEventKind" ADD VALUE 'files_refused';
ALTER TYPE "TicketEventKind" ADD VALUE 'auto_reply_received';
