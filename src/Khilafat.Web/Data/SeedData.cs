using System.Reflection;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// Fills a new database with the movement's content. Each seed runs once per database: a row in Settings records
/// it, so content an editor later deletes does not come back on the next start.
/// </summary>
public static class SeedData
{
    private const string ContentSeedKey = "seed:content";
    private const string TestimonialsSeedKey = "seed:testimonials";
    private static readonly string[] SeededPages = ["home", "statement", "history"];

    public static async Task SeedAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        await SeedOnceAsync(db, ContentSeedKey, clock, () => AddContent(db, clock), ct);
        await SeedOnceAsync(db, TestimonialsSeedKey, clock, () => AddTestimonials(db, clock), ct);
    }

    private static async Task SeedOnceAsync(SiteDbContext db, string key, TimeProvider clock, Action add, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            if (await db.Settings.AnyAsync(s => s.Key == key, c)) return;
            add();
            db.Settings.Add(new SiteSetting { Key = key, Value = clock.GetUtcNow().ToString("O") });
        }, ct);
    }

    private static void AddContent(SiteDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var slug in SeededPages)
        {
            var (front, body) = ReadFrontMatter(ReadResource($"Seed/{slug}.md"));
            var page = new Page
            {
                Slug = slug, Title = front["title"], Summary = front["summary"], Body = body,
                IsPublished = true, CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            page.Revisions.Add(new PageRevision
            {
                Number = 1, Slug = page.Slug, Title = page.Title, Summary = page.Summary, Body = page.Body, IsPublished = true,
                CreatedAt = now, AuthorName = Actor.System.Name, Note = "Seeded",
            });
            db.Pages.Add(page);
        }

        var position = 0;
        foreach (var (question, answer) in ReadFaq(ReadResource("Seed/faq.md")))
        {
            db.FaqEntries.Add(new FaqEntry
            {
                Anchor = Slugs.FromText(question), Question = question, Answer = answer,
                Position = ++position, IsPublished = true, UpdatedAt = now,
            });
        }
    }

    /// <summary>The testimonial at the end of the movement's text, approved and featured.</summary>
    private static void AddTestimonials(SiteDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Testimonials.Add(new Testimonial
        {
            DisplayName = "Amina",
            Rating = 5,
            OriginalText = ReadResource("Seed/testimonial-amina.md").Trim(),
            Status = TestimonialStatus.Approved,
            IsFeatured = true,
            SubmittedAt = now,
            ModeratedAt = now,
            ModeratedBy = Actor.System.Name,
            ConsentVersion = "seed",
            ConsentText = "Published by the movement with the testimonial it received.",
            ConsentGivenAt = now,
        });
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The seed resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>Splits "---\nkey: value\n---\nbody" into its keys and its body.</summary>
    private static (Dictionary<string, string> Front, string Body) ReadFrontMatter(string text)
    {
        var parts = text.Split("---\n", 3);
        if (parts.Length != 3 || parts[0].Length != 0) throw new InvalidOperationException("A seed page must start with front matter.");
        var front = parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
        return (front, parts[2].Trim());
    }

    /// <summary>Each "## Question" heading and the Markdown under it.</summary>
    private static IEnumerable<(string Question, string Answer)> ReadFaq(string text) =>
        text.Split("## ", StringSplitOptions.RemoveEmptyEntries).Select(block =>
        {
            var lines = block.Split('\n', 2);
            return (lines[0].Trim(), lines[1].Trim());
        });
}
