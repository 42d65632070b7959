CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NULL,
    "Details" TEXT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "FaqEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FaqEntries" PRIMARY KEY AUTOINCREMENT,
    "Anchor" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "Pages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Pages" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "PageRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PageRevisions" PRIMARY KEY AUTOINCREMENT,
    "PageId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_PageRevisions_Pages_PageId" FOREIGN KEY ("PageId") REFERENCES "Pages" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEntries_Action_At" ON "AuditEntries" ("Action", "At");

CREATE INDEX "IX_AuditEntries_ActorName_At" ON "AuditEntries" ("ActorName", "At");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE UNIQUE INDEX "IX_FaqEntries_Anchor" ON "FaqEntries" ("Anchor");

CREATE INDEX "IX_FaqEntries_Position" ON "FaqEntries" ("Position");

CREATE UNIQUE INDEX "IX_PageRevisions_PageId_Number" ON "PageRevisions" ("PageId", "Number");

CREATE UNIQUE INDEX "IX_Pages_Slug" ON "Pages" ("Slug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125033239_Content', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSignInAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125034609_Accounts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NULL,
    "HtmlBody" TEXT NULL,
    "UnsubscribeUrl" TEXT NULL,
    "SubscriberId" INTEGER NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "Subscribers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subscribers" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT COLLATE NOCASE NOT NULL,
    "Name" TEXT NULL,
    "Country" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "UnsubscribedAt" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "LastConfirmationAt" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_IpHash" TEXT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL
);

CREATE TABLE "Testimonials" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Testimonials" PRIMARY KEY AUTOINCREMENT,
    "DisplayName" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Rating" INTEGER NOT NULL,
    "OriginalText" TEXT NOT NULL,
    "EditedText" TEXT NULL,
    "Language" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "IsFeatured" INTEGER NOT NULL,
    "SpamReason" TEXT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "ModeratedAt" TEXT NULL,
    "ModeratedBy" TEXT NULL,
    "Email" TEXT NULL,
    "NotifyOnPublish" INTEGER NOT NULL,
    "NotifiedAt" TEXT NULL,
    "ConsentVersion" TEXT NOT NULL,
    "ConsentText" TEXT NOT NULL,
    "ConsentGivenAt" TEXT NOT NULL,
    "IpHash" TEXT NULL
);

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

CREATE INDEX "IX_OutboxMessages_SubscriberId" ON "OutboxMessages" ("SubscriberId");

CREATE INDEX "IX_Subscribers_ConfirmTokenHash" ON "Subscribers" ("ConfirmTokenHash");

CREATE INDEX "IX_Subscribers_CreatedAt" ON "Subscribers" ("CreatedAt");

CREATE UNIQUE INDEX "IX_Subscribers_Email" ON "Subscribers" ("Email");

CREATE INDEX "IX_Subscribers_Status_Id" ON "Subscribers" ("Status", "Id");

CREATE INDEX "IX_Testimonials_IpHash" ON "Testimonials" ("IpHash");

CREATE INDEX "IX_Testimonials_Status_IsFeatured_SubmittedAt" ON "Testimonials" ("Status", "IsFeatured", "SubmittedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125044808_MailingList', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125044840_Testimonials', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_PageRevisions_PageId_Number";

ALTER TABLE "PageRevisions" ADD "Culture" TEXT NOT NULL DEFAULT 'en';

CREATE TABLE "FaqTranslations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FaqTranslations" PRIMARY KEY AUTOINCREMENT,
    "FaqEntryId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_FaqTranslations_FaqEntries_FaqEntryId" FOREIGN KEY ("FaqEntryId") REFERENCES "FaqEntries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PageTranslations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PageTranslations" PRIMARY KEY AUTOINCREMENT,
    "PageId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PageTranslations_Pages_PageId" FOREIGN KEY ("PageId") REFERENCES "Pages" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_PageRevisions_PageId_Culture_Number" ON "PageRevisions" ("PageId", "Culture", "Number");

CREATE UNIQUE INDEX "IX_FaqTranslations_FaqEntryId_Culture" ON "FaqTranslations" ("FaqEntryId", "Culture");

CREATE UNIQUE INDEX "IX_PageTranslations_PageId_Culture" ON "PageTranslations" ("PageId", "Culture");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125052524_Translations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "ClaimToken" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ClaimedUntil" TEXT NULL;

CREATE INDEX "IX_OutboxMessages_ClaimToken" ON "OutboxMessages" ("ClaimToken");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201071017_OutboxClaims', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Pages" ADD "HasPublicHistory" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Pages" ADD "DeletedAt" TEXT NULL;

ALTER TABLE "Pages" ADD "RedirectTo" TEXT NULL;

CREATE TABLE "Texts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Texts" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "PublishedTitle" TEXT NULL,
    "PublishedSummary" TEXT NULL,
    "PublishedBody" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "SourceVersion" INTEGER NULL
);

CREATE TABLE "TextRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TextRevisions" PRIMARY KEY AUTOINCREMENT,
    "TextId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "PublicVersion" INTEGER NULL,
    "IsMajor" INTEGER NOT NULL,
    "ChangeNote" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_TextRevisions_Texts_TextId" FOREIGN KEY ("TextId") REFERENCES "Texts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_TextRevisions_TextId_Number" ON "TextRevisions" ("TextId", "Number");

CREATE INDEX "IX_TextRevisions_TextId_PublicVersion" ON "TextRevisions" ("TextId", "PublicVersion");

CREATE UNIQUE INDEX "IX_Texts_Kind_ItemId_Culture" ON "Texts" ("Kind", "ItemId", "Culture");

INSERT INTO "Texts" ("Kind", "ItemId", "Culture", "Title", "Summary", "Body", "IsPublished", "PublishedTitle", "PublishedSummary", "PublishedBody", "PublishedAt", "UpdatedAt", "Version")
SELECT 'page', "Id", 'en', "Title", "Summary", "Body", "IsPublished", CASE WHEN "IsPublished" THEN "Title" END, CASE WHEN "IsPublished" THEN "Summary" END, CASE WHEN "IsPublished" THEN "Body" END, CASE WHEN "IsPublished" THEN "UpdatedAt" END, "UpdatedAt", "Version"
FROM "Pages";

INSERT INTO "Texts" ("Kind", "ItemId", "Culture", "Title", "Summary", "Body", "IsPublished", "PublishedTitle", "PublishedSummary", "PublishedBody", "PublishedAt", "UpdatedAt", "Version")
SELECT 'page', "PageId", "Culture", "Title", "Summary", "Body", "IsPublished", CASE WHEN "IsPublished" THEN "Title" END, CASE WHEN "IsPublished" THEN "Summary" END, CASE WHEN "IsPublished" THEN "Body" END, CASE WHEN "IsPublished" THEN "UpdatedAt" END, "UpdatedAt", "Version"
FROM "PageTranslations";

INSERT INTO "Texts" ("Kind", "ItemId", "Culture", "Title", "Summary", "Body", "IsPublished", "PublishedTitle", "PublishedSummary", "PublishedBody", "PublishedAt", "UpdatedAt", "Version")
SELECT 'faq', "Id", 'en', "Question", '', "Answer", "IsPublished", CASE WHEN "IsPublished" THEN "Question" END, CASE WHEN "IsPublished" THEN '' END, CASE WHEN "IsPublished" THEN "Answer" END, CASE WHEN "IsPublished" THEN "UpdatedAt" END, "UpdatedAt", 1
FROM "FaqEntries";

INSERT INTO "Texts" ("Kind", "ItemId", "Culture", "Title", "Summary", "Body", "IsPublished", "PublishedTitle", "PublishedSummary", "PublishedBody", "PublishedAt", "UpdatedAt", "Version")
SELECT 'faq', "FaqEntryId", "Culture", "Question", '', "Answer", "IsPublished", CASE WHEN "IsPublished" THEN "Question" END, CASE WHEN "IsPublished" THEN '' END, CASE WHEN "IsPublished" THEN "Answer" END, CASE WHEN "IsPublished" THEN "UpdatedAt" END, "UpdatedAt", 1
FROM "FaqTranslations";

INSERT INTO "TextRevisions" ("TextId", "Number", "Address", "Title", "Summary", "Body", "IsPublished", "IsMajor", "CreatedAt", "AuthorId", "AuthorName", "Note")
SELECT t."Id", r."Number", r."Slug", r."Title", r."Summary", r."Body", r."IsPublished", FALSE, r."CreatedAt", r."AuthorId", r."AuthorName", r."Note"
FROM "PageRevisions" r JOIN "Texts" t ON t."Kind" = 'page' AND t."ItemId" = r."PageId" AND t."Culture" = r."Culture";

INSERT INTO "TextRevisions" ("TextId", "Number", "Address", "Title", "Summary", "Body", "IsPublished", "IsMajor", "CreatedAt", "AuthorId", "AuthorName", "Note")
SELECT t."Id", 1, COALESCE(f."Anchor", p."Slug", ''), t."Title", t."Summary", t."Body", t."IsPublished", FALSE, t."UpdatedAt", NULL, 'system', 'As it was when revisions began'
FROM "Texts" t
LEFT JOIN "FaqEntries" f ON t."Kind" = 'faq' AND f."Id" = t."ItemId"
LEFT JOIN "Pages" p ON t."Kind" = 'page' AND p."Id" = t."ItemId"
WHERE NOT EXISTS (SELECT 1 FROM "TextRevisions" r WHERE r."TextId" = t."Id");

UPDATE "TextRevisions" SET "PublicVersion" =
    (SELECT COUNT(*) FROM "TextRevisions" r WHERE r."TextId" = "TextRevisions"."TextId" AND r."IsPublished" AND r."Number" <= "TextRevisions"."Number")
WHERE "IsPublished";

UPDATE "Texts" SET "SourceVersion" =
    (SELECT MAX(r."PublicVersion") FROM "TextRevisions" r JOIN "Texts" o ON r."TextId" = o."Id"
     WHERE o."Kind" = "Texts"."Kind" AND o."ItemId" = "Texts"."ItemId" AND o."Culture" = 'en')
WHERE "Culture" <> 'en';

UPDATE "Pages" SET "HasPublicHistory" = TRUE WHERE "Slug" IN ('statement', 'history');

DROP TABLE "FaqTranslations";

DROP TABLE "PageRevisions";

DROP TABLE "PageTranslations";

CREATE TABLE "ef_temp_Pages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Pages" PRIMARY KEY AUTOINCREMENT,
    "CreatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "HasPublicHistory" INTEGER NOT NULL,
    "RedirectTo" TEXT NULL,
    "Slug" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

INSERT INTO "ef_temp_Pages" ("Id", "CreatedAt", "DeletedAt", "HasPublicHistory", "RedirectTo", "Slug", "UpdatedAt")
SELECT "Id", "CreatedAt", "DeletedAt", "HasPublicHistory", "RedirectTo", "Slug", "UpdatedAt"
FROM "Pages";

CREATE TABLE "ef_temp_FaqEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FaqEntries" PRIMARY KEY AUTOINCREMENT,
    "Anchor" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

INSERT INTO "ef_temp_FaqEntries" ("Id", "Anchor", "Position", "UpdatedAt")
SELECT "Id", "Anchor", "Position", "UpdatedAt"
FROM "FaqEntries";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Pages";

ALTER TABLE "ef_temp_Pages" RENAME TO "Pages";

DROP TABLE "FaqEntries";

ALTER TABLE "ef_temp_FaqEntries" RENAME TO "FaqEntries";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE UNIQUE INDEX "IX_Pages_Slug" ON "Pages" ("Slug");

CREATE UNIQUE INDEX "IX_FaqEntries_Anchor" ON "FaqEntries" ("Anchor");

CREATE INDEX "IX_FaqEntries_Position" ON "FaqEntries" ("Position");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203073228_VersionedTexts', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "Subscribers" ADD "BounceCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Subscribers" ADD "BouncingSince" TEXT NULL;

ALTER TABLE "Subscribers" ADD "Consent_Attestation" TEXT NULL;

ALTER TABLE "Subscribers" ADD "Consent_AttestedOn" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "Culture" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "SendId" INTEGER NULL;

CREATE TABLE "Jobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "ClaimToken" TEXT NULL,
    "ClaimedUntil" TEXT NULL
);

CREATE TABLE "SendThrottles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SendThrottles" PRIMARY KEY AUTOINCREMENT,
    "NextSlotAt" TEXT NOT NULL
);

CREATE TABLE "Updates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Updates" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "ShowOnSite" INTEGER NOT NULL,
    "PublishAt" TEXT NULL,
    "FirstPublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL
);

CREATE TABLE "UpdateSends" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UpdateSends" PRIMARY KEY AUTOINCREMENT,
    "UpdateId" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Languages" TEXT NULL,
    "Countries" TEXT NULL,
    "MissingTranslation" INTEGER NOT NULL,
    "ExpandedThrough" INTEGER NOT NULL,
    "Expanded" INTEGER NOT NULL,
    "Queued" INTEGER NOT NULL,
    "Sent" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Skipped" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    CONSTRAINT "FK_UpdateSends_Updates_UpdateId" FOREIGN KEY ("UpdateId") REFERENCES "Updates" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SendTexts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SendTexts" PRIMARY KEY AUTOINCREMENT,
    "SendId" INTEGER NOT NULL,
    "Culture" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_SendTexts_UpdateSends_SendId" FOREIGN KEY ("SendId") REFERENCES "UpdateSends" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutboxMessages_SendId_Status" ON "OutboxMessages" ("SendId", "Status");

CREATE UNIQUE INDEX "IX_OutboxMessages_SendId_SubscriberId" ON "OutboxMessages" ("SendId", "SubscriberId");

CREATE UNIQUE INDEX "IX_Jobs_Kind_Key" ON "Jobs" ("Kind", "Key");

CREATE INDEX "IX_Jobs_Status_DueAt" ON "Jobs" ("Status", "DueAt");

CREATE UNIQUE INDEX "IX_SendTexts_SendId_Culture" ON "SendTexts" ("SendId", "Culture");

CREATE INDEX "IX_Updates_ShowOnSite_FirstPublishedAt" ON "Updates" ("ShowOnSite", "FirstPublishedAt");

CREATE UNIQUE INDEX "IX_Updates_Slug" ON "Updates" ("Slug");

CREATE INDEX "IX_UpdateSends_UpdateId" ON "UpdateSends" ("UpdateId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203103645_UpdatesAndJobs', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Updates" ADD "LeadImageId" INTEGER NULL;

ALTER TABLE "Pages" ADD "LeadImageId" INTEGER NULL;

CREATE TABLE "MediaImages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaImages" PRIMARY KEY AUTOINCREMENT,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Alt" TEXT NOT NULL,
    "AltAr" TEXT NULL,
    "AltUr" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL
);

CREATE TABLE "ReliefOrganisations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReliefOrganisations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Registry" TEXT NOT NULL,
    "RegistrationNumber" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "LastCheckedAt" TEXT NULL,
    "LastCheckedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "Events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
    "LeadImageId" INTEGER NULL,
    "Slug" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "OnlineUrl" TEXT NULL,
    "Capacity" INTEGER NOT NULL,
    "MaxPartySize" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "StateReason" TEXT NULL,
    "Sequence" INTEGER NOT NULL,
    "NoticeNumber" INTEGER NOT NULL,
    "NoticeReason" TEXT NULL,
    "FirstPublishedAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "AttendeesErasedAt" TEXT NULL,
    CONSTRAINT "FK_Events_MediaImages_LeadImageId" FOREIGN KEY ("LeadImageId") REFERENCES "MediaImages" ("Id") ON DELETE SET NULL
);

CREATE TABLE "MediaVariant" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MediaVariant" PRIMARY KEY AUTOINCREMENT,
    "ImageId" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Bytes" INTEGER NOT NULL,
    CONSTRAINT "FK_MediaVariant_MediaImages_ImageId" FOREIGN KEY ("ImageId") REFERENCES "MediaImages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Petitions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Petitions" PRIMARY KEY AUTOINCREMENT,
    "LeadImageId" INTEGER NULL,
    "Slug" TEXT NOT NULL,
    "AddressedTo" TEXT NOT NULL,
    "Goal" INTEGER NOT NULL,
    "ClosesAt" TEXT NULL,
    "State" INTEGER NOT NULL,
    "ClosedAt" TEXT NULL,
    "DeliveredAt" TEXT NULL,
    "DeliveryReport" TEXT NULL,
    "SignersErasedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Petitions_MediaImages_LeadImageId" FOREIGN KEY ("LeadImageId") REFERENCES "MediaImages" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Rsvps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Rsvps" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "Name" TEXT NULL,
    "Email" TEXT COLLATE NOCASE NULL,
    "PartySize" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "LastConfirmationAt" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "PlaceGivenAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "ReminderSentAt" TEXT NULL,
    "NoticeNumber" INTEGER NOT NULL,
    "ArrivedAt" TEXT NULL,
    "ErasedAt" TEXT NULL,
    "Consent_Attestation" TEXT NULL,
    "Consent_AttestedOn" TEXT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_IpHash" TEXT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL,
    CONSTRAINT "FK_Rsvps_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PetitionSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PetitionSignatures" PRIMARY KEY AUTOINCREMENT,
    "PetitionId" INTEGER NOT NULL,
    "Email" TEXT COLLATE NOCASE NULL,
    "Name" TEXT NULL,
    "Country" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "ShowName" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "StruckOutAt" TEXT NULL,
    "StruckOutReason" TEXT NULL,
    "StruckOutBy" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "LastConfirmationAt" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "ErasedAt" TEXT NULL,
    "Consent_Attestation" TEXT NULL,
    "Consent_AttestedOn" TEXT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_IpHash" TEXT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL,
    CONSTRAINT "FK_PetitionSignatures_Petitions_PetitionId" FOREIGN KEY ("PetitionId") REFERENCES "Petitions" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Updates_LeadImageId" ON "Updates" ("LeadImageId");

CREATE INDEX "IX_Pages_LeadImageId" ON "Pages" ("LeadImageId");

CREATE INDEX "IX_Events_LeadImageId" ON "Events" ("LeadImageId");

CREATE UNIQUE INDEX "IX_Events_Slug" ON "Events" ("Slug");

CREATE INDEX "IX_Events_StartsAt" ON "Events" ("StartsAt");

CREATE INDEX "IX_MediaVariant_FileName" ON "MediaVariant" ("FileName");

CREATE INDEX "IX_MediaVariant_ImageId" ON "MediaVariant" ("ImageId");

CREATE INDEX "IX_Petitions_LeadImageId" ON "Petitions" ("LeadImageId");

CREATE UNIQUE INDEX "IX_Petitions_Slug" ON "Petitions" ("Slug");

CREATE INDEX "IX_Petitions_State" ON "Petitions" ("State");

CREATE INDEX "IX_PetitionSignatures_ConfirmTokenHash" ON "PetitionSignatures" ("ConfirmTokenHash");

CREATE INDEX "IX_PetitionSignatures_Email" ON "PetitionSignatures" ("Email");

CREATE UNIQUE INDEX "IX_PetitionSignatures_PetitionId_Email" ON "PetitionSignatures" ("PetitionId", "Email");

CREATE INDEX "IX_PetitionSignatures_PetitionId_Status_ConfirmedAt" ON "PetitionSignatures" ("PetitionId", "Status", "ConfirmedAt");

CREATE INDEX "IX_ReliefOrganisations_SortOrder" ON "ReliefOrganisations" ("SortOrder");

CREATE INDEX "IX_Rsvps_ConfirmTokenHash" ON "Rsvps" ("ConfirmTokenHash");

CREATE UNIQUE INDEX "IX_Rsvps_EventId_Email" ON "Rsvps" ("EventId", "Email");

CREATE INDEX "IX_Rsvps_EventId_Status" ON "Rsvps" ("EventId", "Status");

CREATE TABLE "ef_temp_Pages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Pages" PRIMARY KEY AUTOINCREMENT,
    "CreatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "HasPublicHistory" INTEGER NOT NULL,
    "LeadImageId" INTEGER NULL,
    "RedirectTo" TEXT NULL,
    "Slug" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Pages_MediaImages_LeadImageId" FOREIGN KEY ("LeadImageId") REFERENCES "MediaImages" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_Pages" ("Id", "CreatedAt", "DeletedAt", "HasPublicHistory", "LeadImageId", "RedirectTo", "Slug", "UpdatedAt")
SELECT "Id", "CreatedAt", "DeletedAt", "HasPublicHistory", "LeadImageId", "RedirectTo", "Slug", "UpdatedAt"
FROM "Pages";

CREATE TABLE "ef_temp_Updates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Updates" PRIMARY KEY AUTOINCREMENT,
    "CreatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "FirstPublishedAt" TEXT NULL,
    "LeadImageId" INTEGER NULL,
    "PublishAt" TEXT NULL,
    "ShowOnSite" INTEGER NOT NULL,
    "Slug" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Updates_MediaImages_LeadImageId" FOREIGN KEY ("LeadImageId") REFERENCES "MediaImages" ("Id") ON DELETE SET NULL
);

INSERT INTO "ef_temp_Updates" ("Id", "CreatedAt", "DeletedAt", "FirstPublishedAt", "LeadImageId", "PublishAt", "ShowOnSite", "Slug", "UpdatedAt")
SELECT "Id", "CreatedAt", "DeletedAt", "FirstPublishedAt", "LeadImageId", "PublishAt", "ShowOnSite", "Slug", "UpdatedAt"
FROM "Updates";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Pages";

ALTER TABLE "ef_temp_Pages" RENAME TO "Pages";

DROP TABLE "Updates";

ALTER TABLE "ef_temp_Updates" RENAME TO "Updates";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Pages_LeadImageId" ON "Pages" ("LeadImageId");

CREATE UNIQUE INDEX "IX_Pages_Slug" ON "Pages" ("Slug");

CREATE INDEX "IX_Updates_LeadImageId" ON "Updates" ("LeadImageId");

CREATE INDEX "IX_Updates_ShowOnSite_FirstPublishedAt" ON "Updates" ("ShowOnSite", "FirstPublishedAt");

CREATE UNIQUE INDEX "IX_Updates_Slug" ON "Updates" ("Slug");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203140513_TakingAction', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "Texts" ADD "AwaitsReview" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Texts" ADD "ReviewedAt" TEXT NULL;

ALTER TABLE "Texts" ADD "ReviewedBy" TEXT NULL;

CREATE TABLE "MenuItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MenuItems" PRIMARY KEY AUTOINCREMENT,
    "Menu" TEXT NOT NULL,
    "Culture" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "Href" TEXT NOT NULL
);

CREATE INDEX "IX_MenuItems_Menu_Culture_Position" ON "MenuItems" ("Menu", "Culture", "Position");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203170703_FrontDoor', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Updates" ADD "EmailOnPublishBy" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "ExpiresAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206221007_OutboxExpiryAndEmailOnPublish', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "RsvpId" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207000847_OutboxRsvpId', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Events" ADD "NoticePreviousEndsAt" TEXT NULL;

ALTER TABLE "Events" ADD "NoticePreviousNumber" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Events" ADD "NoticePreviousPlace" TEXT NULL;

ALTER TABLE "Events" ADD "NoticePreviousStartsAt" TEXT NULL;

ALTER TABLE "Events" ADD "NoticePreviousTimeZone" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207061448_EventNoticePrevious', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_Subscribers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Subscribers" PRIMARY KEY AUTOINCREMENT,
    "BounceCount" INTEGER NOT NULL,
    "BouncingSince" TEXT NULL,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "Consent_Attestation" TEXT NULL,
    "Consent_AttestedOn" TEXT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL,
    "Country" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Email" TEXT COLLATE NOCASE NOT NULL,
    "Language" TEXT NOT NULL,
    "LastConfirmationAt" TEXT NULL,
    "Name" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "UnsubscribedAt" TEXT NULL
);

INSERT INTO "ef_temp_Subscribers" ("Id", "BounceCount", "BouncingSince", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "Country", "CreatedAt", "Email", "Language", "LastConfirmationAt", "Name", "Status", "UnsubscribedAt")
SELECT "Id", "BounceCount", "BouncingSince", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "Country", "CreatedAt", "Email", "Language", "LastConfirmationAt", "Name", "Status", "UnsubscribedAt"
FROM "Subscribers";

CREATE TABLE "ef_temp_Rsvps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Rsvps" PRIMARY KEY AUTOINCREMENT,
    "ArrivedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "Consent_Attestation" TEXT NULL,
    "Consent_AttestedOn" TEXT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Email" TEXT COLLATE NOCASE NULL,
    "ErasedAt" TEXT NULL,
    "EventId" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "LastConfirmationAt" TEXT NULL,
    "Name" TEXT NULL,
    "NoticeNumber" INTEGER NOT NULL,
    "PartySize" INTEGER NOT NULL,
    "PlaceGivenAt" TEXT NULL,
    "ReminderSentAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    CONSTRAINT "FK_Rsvps_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Rsvps" ("Id", "ArrivedAt", "CancelledAt", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "CreatedAt", "Email", "ErasedAt", "EventId", "Language", "LastConfirmationAt", "Name", "NoticeNumber", "PartySize", "PlaceGivenAt", "ReminderSentAt", "Status")
SELECT "Id", "ArrivedAt", "CancelledAt", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "CreatedAt", "Email", "ErasedAt", "EventId", "Language", "LastConfirmationAt", "Name", "NoticeNumber", "PartySize", "PlaceGivenAt", "ReminderSentAt", "Status"
FROM "Rsvps";

CREATE TABLE "ef_temp_PetitionSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PetitionSignatures" PRIMARY KEY AUTOINCREMENT,
    "ConfirmTokenExpiresAt" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmationsDay" TEXT NULL,
    "ConfirmationsOnDay" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "Consent_Attestation" TEXT NULL,
    "Consent_AttestedOn" TEXT NULL,
    "Consent_GivenAt" TEXT NOT NULL,
    "Consent_Source" TEXT NOT NULL,
    "Consent_Text" TEXT NOT NULL,
    "Consent_Version" TEXT NOT NULL,
    "Country" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Email" TEXT COLLATE NOCASE NULL,
    "ErasedAt" TEXT NULL,
    "Language" TEXT NOT NULL,
    "LastConfirmationAt" TEXT NULL,
    "Name" TEXT NULL,
    "PetitionId" INTEGER NOT NULL,
    "ShowName" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "StruckOutAt" TEXT NULL,
    "StruckOutBy" TEXT NULL,
    "StruckOutReason" TEXT NULL,
    CONSTRAINT "FK_PetitionSignatures_Petitions_PetitionId" FOREIGN KEY ("PetitionId") REFERENCES "Petitions" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_PetitionSignatures" ("Id", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "Country", "CreatedAt", "Email", "ErasedAt", "Language", "LastConfirmationAt", "Name", "PetitionId", "ShowName", "Status", "StruckOutAt", "StruckOutBy", "StruckOutReason")
SELECT "Id", "ConfirmTokenExpiresAt", "ConfirmTokenHash", "ConfirmationsDay", "ConfirmationsOnDay", "ConfirmedAt", "Consent_Attestation", "Consent_AttestedOn", "Consent_GivenAt", "Consent_Source", "Consent_Text", "Consent_Version", "Country", "CreatedAt", "Email", "ErasedAt", "Language", "LastConfirmationAt", "Name", "PetitionId", "ShowName", "Status", "StruckOutAt", "StruckOutBy", "StruckOutReason"
FROM "PetitionSignatures";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Subscribers";

ALTER TABLE "ef_temp_Subscribers" RENAME TO "Subscribers";

DROP TABLE "Rsvps";

ALTER TABLE "ef_temp_Rsvps" RENAME TO "Rsvps";

DROP TABLE "PetitionSignatures";

ALTER TABLE "ef_temp_PetitionSignatures" RENAME TO "PetitionSignatures";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Subscribers_ConfirmTokenHash" ON "Subscribers" ("ConfirmTokenHash");

CREATE INDEX "IX_Subscribers_CreatedAt" ON "Subscribers" ("CreatedAt");

CREATE UNIQUE INDEX "IX_Subscribers_Email" ON "Subscribers" ("Email");

CREATE INDEX "IX_Subscribers_Status_Id" ON "Subscribers" ("Status", "Id");

CREATE INDEX "IX_Rsvps_ConfirmTokenHash" ON "Rsvps" ("ConfirmTokenHash");

CREATE UNIQUE INDEX "IX_Rsvps_EventId_Email" ON "Rsvps" ("EventId", "Email");

CREATE INDEX "IX_Rsvps_EventId_Status" ON "Rsvps" ("EventId", "Status");

CREATE INDEX "IX_PetitionSignatures_ConfirmTokenHash" ON "PetitionSignatures" ("ConfirmTokenHash");

CREATE INDEX "IX_PetitionSignatures_Email" ON "PetitionSignatures" ("Email");

CREATE UNIQUE INDEX "IX_PetitionSignatures_PetitionId_Email" ON "PetitionSignatures" ("PetitionId", "Email");

CREATE INDEX "IX_PetitionSignatures_PetitionId_Status_ConfirmedAt" ON "PetitionSignatures" ("PetitionId", "Status", "ConfirmedAt");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207064828_DropConsentIpHash', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "Events" ADD "NoticeState" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207075124_EventNoticeState', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "PetitionSignatures" ADD "DeliveryNotice" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207123716_SignatureDeliveryNotice', '10.0.15');

COMMIT;

