-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('REPORT_RETURNED', 'REPORT_ACCEPTED', 'CYCLE_OPENED', 'DEADLINE_NEAR', 'ITEMS_ASSIGNED', 'REPORT_READY');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AssignmentEventType" AS ENUM ('ASSIGNED', 'UNASSIGNED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CONTRIBUTOR';

-- AlterEnum
ALTER TYPE "StatusEventType" ADD VALUE 'MARKED_READY';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "invitedById" TEXT,
ADD COLUMN     "seesWholeWorklist" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StatusReport" ADD COLUMN     "readyAt" TIMESTAMPTZ(3),
ADD COLUMN     "readyById" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "data" JSONB NOT NULL,
    "href" TEXT,
    "groupKey" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "userId" TEXT,
    "locale" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "groupKey" TEXT,
    "groupData" JSONB,
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "messageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineReminder" (
    "cycleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineReminder_pkey" PRIMARY KEY ("cycleId","userId","deadline","daysBefore")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "cycleId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("cycleId","entityId","commitmentId")
);

-- CreateTable
CREATE TABLE "AssignmentEvent" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "type" "AssignmentEventType" NOT NULL,
    "assigneeId" TEXT,
    "assigneeEmail" TEXT NOT NULL,
    "byId" TEXT,
    "byEmail" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_state_createdAt_idx" ON "OutboxEmail"("state", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE INDEX "Assignment_assigneeId_cycleId_idx" ON "Assignment"("assigneeId", "cycleId");

-- CreateIndex
CREATE INDEX "AssignmentEvent_cycleId_entityId_commitmentId_at_idx" ON "AssignmentEvent"("cycleId", "entityId", "commitmentId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_readyById_fkey" FOREIGN KEY ("readyById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineReminder" ADD CONSTRAINT "DeadlineReminder_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineReminder" ADD CONSTRAINT "DeadlineReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentEvent" ADD CONSTRAINT "AssignmentEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below.

-- The history of assignments is append-only like the timeline, and says who acted as the
-- database knew them then.
CREATE TRIGGER "AssignmentEvent_append_only" BEFORE UPDATE OR DELETE ON "AssignmentEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AssignmentEvent_no_truncate" BEFORE TRUNCATE ON "AssignmentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AssignmentEvent_by_email" BEFORE INSERT ON "AssignmentEvent"
  FOR EACH ROW EXECUTE FUNCTION "remember_actor_email"();

-- A contributor always belongs to an entity (compared as text: a value added to an enum cannot
-- be used in the transaction that adds it).
ALTER TABLE "User" ADD CONSTRAINT "User_contributor_has_entity" CHECK ("role"::text <> 'CONTRIBUTOR' OR "entityId" IS NOT NULL);

-- A reminder's threshold is a number of days before the deadline; an e-mail's attempts count up.
ALTER TABLE "DeadlineReminder" ADD CONSTRAINT "DeadlineReminder_days" CHECK ("daysBefore" > 0);
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_sent_at" CHECK ("state" <> 'SENT' OR "sentAt" IS NOT NULL);

-- The unread count in the header: one index-only count per request.
CREATE INDEX "Notification_unread" ON "Notification" ("userId") WHERE "readAt" IS NULL;

-- Finding the unread notification, or the unsent e-mail, of a group to merge into.
CREATE INDEX "Notification_group" ON "Notification" ("userId", "groupKey") WHERE "readAt" IS NULL AND "groupKey" IS NOT NULL;
CREATE INDEX "OutboxEmail_group" ON "OutboxEmail" ("userId", "groupKey") WHERE "state" = 'PENDING' AND "groupKey" IS NOT NULL;
