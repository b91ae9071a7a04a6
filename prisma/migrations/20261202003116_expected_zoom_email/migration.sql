-- AlterTable
ALTER TABLE "Credential" ADD COLUMN "expectedZoomEmail" TEXT;
