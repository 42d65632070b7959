namespace Khilafat.Web.Data.Migrations;

/// <summary>
/// Moves the texts of pages, FAQ entries and their translations, with the pages' revisions, into the one versioned-text
/// table, for the VersionedTexts migration of both providers (plain SQL that SQLite and PostgreSQL read alike). Texts
/// that had no revisions (FAQ entries) get a first one, as they were. Each statement ends with its semicolon, so that the
/// migrations' script (`dotnet ef migrations script`, and the new SQLite database's Schema.sql) runs as one batch.
/// </summary>
internal static class VersionedTextsData
{
    private const string Columns = "\"Kind\", \"ItemId\", \"Culture\", \"Title\", \"Summary\", \"Body\", \"IsPublished\", \"PublishedTitle\", \"PublishedSummary\", \"PublishedBody\", \"PublishedAt\", \"UpdatedAt\", \"Version\"";
    private const string RevisionColumns = "\"TextId\", \"Number\", \"Address\", \"Title\", \"Summary\", \"Body\", \"IsPublished\", \"IsMajor\", \"CreatedAt\", \"AuthorId\", \"AuthorName\", \"Note\"";

    private static string Published(string column) => $"CASE WHEN \"IsPublished\" THEN {column} END";

    public static readonly string[] Copy =
    [
        $"""
        INSERT INTO "Texts" ({Columns})
        SELECT 'page', "Id", 'en', "Title", "Summary", "Body", "IsPublished", {Published("\"Title\"")}, {Published("\"Summary\"")}, {Published("\"Body\"")}, {Published("\"UpdatedAt\"")}, "UpdatedAt", "Version"
        FROM "Pages";
        """,
        $"""
        INSERT INTO "Texts" ({Columns})
        SELECT 'page', "PageId", "Culture", "Title", "Summary", "Body", "IsPublished", {Published("\"Title\"")}, {Published("\"Summary\"")}, {Published("\"Body\"")}, {Published("\"UpdatedAt\"")}, "UpdatedAt", "Version"
        FROM "PageTranslations";
        """,
        $"""
        INSERT INTO "Texts" ({Columns})
        SELECT 'faq', "Id", 'en', "Question", '', "Answer", "IsPublished", {Published("\"Question\"")}, {Published("''")}, {Published("\"Answer\"")}, {Published("\"UpdatedAt\"")}, "UpdatedAt", 1
        FROM "FaqEntries";
        """,
        $"""
        INSERT INTO "Texts" ({Columns})
        SELECT 'faq', "FaqEntryId", "Culture", "Question", '', "Answer", "IsPublished", {Published("\"Question\"")}, {Published("''")}, {Published("\"Answer\"")}, {Published("\"UpdatedAt\"")}, "UpdatedAt", 1
        FROM "FaqTranslations";
        """,
        $"""
        INSERT INTO "TextRevisions" ({RevisionColumns})
        SELECT t."Id", r."Number", r."Slug", r."Title", r."Summary", r."Body", r."IsPublished", FALSE, r."CreatedAt", r."AuthorId", r."AuthorName", r."Note"
        FROM "PageRevisions" r JOIN "Texts" t ON t."Kind" = 'page' AND t."ItemId" = r."PageId" AND t."Culture" = r."Culture";
        """,
        $"""
        INSERT INTO "TextRevisions" ({RevisionColumns})
        SELECT t."Id", 1, COALESCE(f."Anchor", p."Slug", ''), t."Title", t."Summary", t."Body", t."IsPublished", FALSE, t."UpdatedAt", NULL, 'system', 'As it was when revisions began'
        FROM "Texts" t
        LEFT JOIN "FaqEntries" f ON t."Kind" = 'faq' AND f."Id" = t."ItemId"
        LEFT JOIN "Pages" p ON t."Kind" = 'page' AND p."Id" = t."ItemId"
        WHERE NOT EXISTS (SELECT 1 FROM "TextRevisions" r WHERE r."TextId" = t."Id");
        """,
        // Every revision readers saw becomes a public version, numbered in order, minor and without a note.
        """
        UPDATE "TextRevisions" SET "PublicVersion" =
            (SELECT COUNT(*) FROM "TextRevisions" r WHERE r."TextId" = "TextRevisions"."TextId" AND r."IsPublished" AND r."Number" <= "TextRevisions"."Number")
        WHERE "IsPublished";
        """,
        // Translations are taken as made from the English text as it is now.
        """
        UPDATE "Texts" SET "SourceVersion" =
            (SELECT MAX(r."PublicVersion") FROM "TextRevisions" r JOIN "Texts" o ON r."TextId" = o."Id"
             WHERE o."Kind" = "Texts"."Kind" AND o."ItemId" = "Texts"."ItemId" AND o."Culture" = 'en')
        WHERE "Culture" <> 'en';
        """,
        """UPDATE "Pages" SET "HasPublicHistory" = TRUE WHERE "Slug" IN ('statement', 'history');""",
    ];
}
