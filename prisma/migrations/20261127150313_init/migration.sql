-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECRETARIAT', 'FOCAL_POINT', 'VIEWER');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('MEMBER_STATE', 'OBSERVER_STATE', 'UN_ENTITY', 'INTERGOVERNMENTAL_ORGANIZATION', 'NON_GOVERNMENTAL_ORGANIZATION');

-- CreateEnum
CREATE TYPE "RegionalGroup" AS ENUM ('AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_CARIBBEAN', 'WESTERN_EUROPEAN_OTHERS');

-- CreateEnum
CREATE TYPE "ImplementationStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "WorkflowState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "StatusEventType" AS ENUM ('SAVED', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CycleState" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('OPERATIONAL_RECOMMENDATION', 'COMMITMENT', 'REQUEST', 'OPERATIVE_PARAGRAPH');

-- CreateEnum
CREATE TYPE "SourceDocumentKind" AS ENUM ('SECRETARY_GENERAL_REPORT', 'NATIONAL_REPORT', 'ENTITY_REPORT', 'OFFICIAL_RECORD', 'OTHER');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('PARAGRAPH', 'URL', 'FILE');

-- CreateEnum
CREATE TYPE "EvidenceOrigin" AS ENUM ('MANUAL', 'SUGGESTED');

-- CreateEnum
CREATE TYPE "EvidenceState" AS ENUM ('SUGGESTED', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "Instrument" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "adoptedOn" DATE,
    "adoptedYear" INTEGER NOT NULL,
    "adoptedBy" JSONB NOT NULL,
    "order" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThematicArea" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    "parentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ThematicArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "thematicAreaId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "chapter" INTEGER,
    "subheading" TEXT,
    "order" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentText" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceChecksum" TEXT,
    "sourceDocumentId" TEXT,
    "importedById" TEXT,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommitmentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingEntity" (
    "id" TEXT NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "iso2" TEXT,
    "m49Code" TEXT,
    "m49RegionCode" TEXT,
    "m49RegionName" TEXT,
    "m49SubRegionCode" TEXT,
    "m49SubRegionName" TEXT,
    "regionalGroup" "RegionalGroup",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "entityId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "CycleState" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusReport" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "status" "ImplementationStatus",
    "narrative" TEXT NOT NULL DEFAULT '',
    "state" "WorkflowState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StatusReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" TEXT NOT NULL,
    "statusReportId" TEXT NOT NULL,
    "type" "StatusEventType" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "comment" TEXT,
    "byId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "publishedOn" DATE,
    "kind" "SourceDocumentKind" NOT NULL,
    "checksum" TEXT NOT NULL,
    "entityId" TEXT,
    "importedById" TEXT,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentSection" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "order" INTEGER NOT NULL,

    CONSTRAINT "DocumentSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sectionPath" TEXT NOT NULL,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    "footnoteRefs" INTEGER[],
    "thematicAreaId" TEXT,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Footnote" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Footnote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "statusReportId" TEXT,
    "kind" "EvidenceKind" NOT NULL,
    "paragraphId" TEXT,
    "url" TEXT,
    "title" TEXT,
    "fileId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "origin" "EvidenceOrigin" NOT NULL DEFAULT 'MANUAL',
    "score" DOUBLE PRECISION,
    "state" "EvidenceState" NOT NULL DEFAULT 'ACCEPTED',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,
    "storageKey" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_code_key" ON "Instrument"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ThematicArea_code_key" ON "ThematicArea"("code");

-- CreateIndex
CREATE INDEX "ThematicArea_parentId_order_idx" ON "ThematicArea"("parentId", "order");

-- CreateIndex
CREATE INDEX "Commitment_thematicAreaId_order_idx" ON "Commitment"("thematicAreaId", "order");

-- CreateIndex
CREATE INDEX "Commitment_instrumentId_order_idx" ON "Commitment"("instrumentId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_instrumentId_reference_key" ON "Commitment"("instrumentId", "reference");

-- CreateIndex
CREATE INDEX "CommitmentText_locale_idx" ON "CommitmentText"("locale");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentText_commitmentId_locale_key" ON "CommitmentText"("commitmentId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingEntity_code_key" ON "ReportingEntity"("code");

-- CreateIndex
CREATE INDEX "ReportingEntity_kind_regionalGroup_idx" ON "ReportingEntity"("kind", "regionalGroup");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_entityId_idx" ON "User"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_code_key" ON "ReportingCycle"("code");

-- CreateIndex
CREATE INDEX "ReportingCycle_state_opensAt_idx" ON "ReportingCycle"("state", "opensAt");

-- CreateIndex
CREATE INDEX "StatusReport_cycleId_state_idx" ON "StatusReport"("cycleId", "state");

-- CreateIndex
CREATE INDEX "StatusReport_commitmentId_cycleId_state_idx" ON "StatusReport"("commitmentId", "cycleId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "StatusReport_entityId_commitmentId_cycleId_key" ON "StatusReport"("entityId", "commitmentId", "cycleId");

-- CreateIndex
CREATE INDEX "StatusEvent_statusReportId_at_idx" ON "StatusEvent"("statusReportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_symbol_language_key" ON "SourceDocument"("symbol", "language");

-- CreateIndex
CREATE INDEX "DocumentSection_documentId_order_idx" ON "DocumentSection"("documentId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSection_documentId_path_key" ON "DocumentSection"("documentId", "path");

-- CreateIndex
CREATE INDEX "Paragraph_thematicAreaId_idx" ON "Paragraph"("thematicAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_documentId_number_key" ON "Paragraph"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Footnote_documentId_number_key" ON "Footnote"("documentId", "number");

-- CreateIndex
CREATE INDEX "EvidenceLink_commitmentId_state_idx" ON "EvidenceLink"("commitmentId", "state");

-- CreateIndex
CREATE INDEX "EvidenceLink_statusReportId_idx" ON "EvidenceLink"("statusReportId");

-- CreateIndex
CREATE INDEX "EvidenceLink_paragraphId_idx" ON "EvidenceLink"("paragraphId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "ThematicArea" ADD CONSTRAINT "ThematicArea_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ThematicArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_thematicAreaId_fkey" FOREIGN KEY ("thematicAreaId") REFERENCES "ThematicArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentText" ADD CONSTRAINT "CommitmentText_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentText" ADD CONSTRAINT "CommitmentText_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentText" ADD CONSTRAINT "CommitmentText_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_statusReportId_fkey" FOREIGN KEY ("statusReportId") REFERENCES "StatusReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ReportingEntity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceDocument" ADD CONSTRAINT "SourceDocument_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSection" ADD CONSTRAINT "DocumentSection_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_thematicAreaId_fkey" FOREIGN KEY ("thematicAreaId") REFERENCES "ThematicArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Footnote" ADD CONSTRAINT "Footnote_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_statusReportId_fkey" FOREIGN KEY ("statusReportId") REFERENCES "StatusReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
