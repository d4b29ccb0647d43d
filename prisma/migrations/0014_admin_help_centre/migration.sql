-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('hosting', 'domain', 'vps', 'dedicated', 'email', 'other');

-- AlterTable
ALTER TABLE "BusinessCalendar" ADD COLUMN     "nameTranslations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionTranslations" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "nameTranslations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "nameTranslations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "KbArticle" ADD COLUMN     "categoryId" INTEGER,
ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SecurityPolicy" ADD COLUMN     "helpRequiresSignIn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "identifier" TEXT,
ADD COLUMN     "kind" "ServiceKind" NOT NULL DEFAULT 'other';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "sourceArticleId" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "KbCategory" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameTranslations" JSONB NOT NULL DEFAULT '{}',
    "slug" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "KbCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KbVote" (
    "articleId" INTEGER NOT NULL,
    "voter" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KbVote_pkey" PRIMARY KEY ("articleId","voter")
);

-- CreateIndex
CREATE UNIQUE INDEX "KbCategory_name_key" ON "KbCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "KbCategory_slug_key" ON "KbCategory"("slug");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_sourceArticleId_fkey" FOREIGN KEY ("sourceArticleId") REFERENCES "KbArticle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbArticle" ADD CONSTRAINT "KbArticle_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "KbCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbVote" ADD CONSTRAINT "KbVote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KbArticle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
