-- DropTable
DROP TABLE "SignInThrottle";

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "account" TEXT,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateCounter_account_idx" ON "RateCounter"("account");

-- CreateIndex
CREATE INDEX "RateCounter_expiresAt_idx" ON "RateCounter"("expiresAt");
