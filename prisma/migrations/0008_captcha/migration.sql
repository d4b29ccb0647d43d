-- CreateTable
CREATE TABLE "UsedCaptcha" (
    "signature" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedCaptcha_pkey" PRIMARY KEY ("signature")
);

-- CreateTable
CREATE TABLE "SecurityPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "ticketCaptcha" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SecurityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsedCaptcha_expiresAt_idx" ON "UsedCaptcha"("expiresAt");
