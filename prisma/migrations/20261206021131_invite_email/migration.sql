-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "email" TEXT;

-- Invites made before they named an address could be used by anyone holding the link, under any
-- address: they are withdrawn (the invite page says so; an admin makes a new one for the person's
-- address — invites lasted 7 days at most anyway). The format is the one Prisma writes.
UPDATE "Invite" SET "revokedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
WHERE "email" IS NULL AND "acceptedAt" IS NULL AND "revokedAt" IS NULL;
