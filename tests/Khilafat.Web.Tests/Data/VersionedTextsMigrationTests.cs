using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Khilafat.Web.Tests.Data;

/// <summary>A site that ran before texts were versioned in one table keeps every word, state and revision after the migration, on the suite's provider.</summary>
public class VersionedTextsMigrationTests
{
    [Fact]
    public async Task AnExistingDatabase_KeepsItsPagesFaqTranslationsAndRevisions()
    {
        var file = Path.Combine(Path.GetTempPath(), $"khilafat-migration-{Guid.NewGuid():N}.db");
        var postgres = TestDatabase.Provider == DatabaseProvider.Postgres ? TestDatabase.NewPostgresDatabase() : null;
        await using var db = TestDatabase.Context(TestDatabase.Provider, postgres ?? $"Data Source={file};Pooling=False");
        try
        {
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_VersionedTexts", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);
            var at = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);
            string[] rows =
            [
                """INSERT INTO "Pages" ("Id", "Slug", "Title", "Summary", "Body", "IsPublished", "CreatedAt", "UpdatedAt", "Version") VALUES (10, 'statement', 'The statement', 'Why', 'We call for justice.', {0}, {2}, {2}, 2)""",
                """INSERT INTO "Pages" ("Id", "Slug", "Title", "Summary", "Body", "IsPublished", "CreatedAt", "UpdatedAt", "Version") VALUES (11, 'plans', 'Plans', '', 'Not yet.', {1}, {2}, {2}, 1)""",
                """INSERT INTO "PageRevisions" ("PageId", "Culture", "Number", "Slug", "Title", "Summary", "Body", "IsPublished", "CreatedAt", "AuthorId", "AuthorName", "Note") VALUES (10, 'en', 1, 'statement', 'Statement', 'Why', 'We call.', {0}, {2}, NULL, 'editor@example.org', 'Created and published')""",
                """INSERT INTO "PageRevisions" ("PageId", "Culture", "Number", "Slug", "Title", "Summary", "Body", "IsPublished", "CreatedAt", "AuthorId", "AuthorName", "Note") VALUES (10, 'en', 2, 'statement', 'The statement', 'Why', 'We call for justice.', {0}, {2}, NULL, 'editor@example.org', 'Edited')""",
                """INSERT INTO "PageTranslations" ("PageId", "Culture", "Title", "Summary", "Body", "IsPublished", "UpdatedAt", "Version") VALUES (10, 'ur', 'بیان', '', 'ہم انصاف کا مطالبہ کرتے ہیں۔', {0}, {2}, 1)""",
                """INSERT INTO "FaqEntries" ("Id", "Anchor", "Question", "Answer", "Position", "IsPublished", "UpdatedAt") VALUES (20, 'how-can-i-help', 'How can I help?', 'Join a vigil.', 1, {0}, {2})""",
                """INSERT INTO "FaqTranslations" ("FaqEntryId", "Culture", "Question", "Answer", "IsPublished", "UpdatedAt") VALUES (20, 'ar', 'كيف أساعد؟', 'انضم إلى وقفة.', {1}, {2})""",
            ];
            foreach (var sql in rows) await db.Database.ExecuteSqlRawAsync(sql, true, false, at);

            await migrator.MigrateAsync();

            var texts = await db.Texts.AsNoTracking().Include(t => t.Revisions).OrderBy(t => t.Kind).ThenBy(t => t.ItemId).ThenBy(t => t.Culture).ToListAsync();
            Assert.Equal(
                [("faq", 20, "ar"), ("faq", 20, "en"), ("page", 10, "en"), ("page", 10, "ur"), ("page", 11, "en")],
                texts.Select(t => (t.Kind, t.ItemId, t.Culture)));
            var statement = texts.Single(t => t.Kind == TextKinds.Page && t.ItemId == 10 && t.Culture == "en");
            Assert.Equal(("The statement", "We call for justice.", true, "We call for justice.", 2), (statement.Title, statement.Body, statement.IsPublished, statement.PublishedBody, statement.Version));
            Assert.Equal(["Created and published", "Edited"], statement.Revisions.OrderBy(r => r.Number).Select(r => r.Note));
            Assert.Equal("We call.", statement.Revisions.Single(r => r.Number == 1).Body);
            // Each version readers saw becomes a public version, minor and without a note; translations count as made from the current English.
            Assert.Equal([1, 2], statement.Revisions.OrderBy(r => r.Number).Select(r => r.PublicVersion));
            Assert.All(statement.Revisions, r => Assert.False(r.IsMajor));
            Assert.Equal(2, texts.Single(t => t.Culture == "ur").SourceVersion);
            var plans = texts.Single(t => t.Kind == TextKinds.Page && t.ItemId == 11);
            Assert.Equal((false, (string?)null), (plans.IsPublished, plans.PublishedBody));
            Assert.Equal("ہم انصاف کا مطالبہ کرتے ہیں۔", texts.Single(t => t.Culture == "ur").PublishedBody);
            var faq = texts.Single(t => t.Kind == TextKinds.Faq && t.Culture == "en");
            Assert.Equal(("How can I help?", "Join a vigil.", true), (faq.PublishedTitle, faq.PublishedBody, faq.IsPublished));
            Assert.Equal("how-can-i-help", Assert.Single(faq.Revisions).Address);
            var arabic = texts.Single(t => t.Culture == "ar");
            Assert.Equal(("كيف أساعد؟", false, 1), (arabic.Title, arabic.IsPublished, arabic.Revisions.Count));
            Assert.Equal([("statement", true), ("plans", false)], (await db.Pages.OrderBy(p => p.Id).Select(p => new { p.Slug, p.HasPublicHistory }).ToListAsync()).Select(p => (p.Slug, p.HasPublicHistory)));
            Assert.Equal("how-can-i-help", (await db.FaqEntries.SingleAsync()).Anchor);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            if (postgres is not null) await TestDatabase.DropPostgresDatabaseAsync(postgres);
            else File.Delete(file);
        }
    }
}
