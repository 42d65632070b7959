using System.Reflection;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.Settings;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Data;

/// <summary>
/// Fills a new database with the movement's content. Each seed runs once per database: a row in Settings records
/// it, so content an editor later deletes does not come back on the next start.
/// </summary>
public static class SeedData
{
    private static readonly string[] SeededPages = ["home", "statement", "history"];

    /// <summary>The official texts: readers can see how they changed.</summary>
    private static readonly string[] PagesWithPublicHistory = ["statement", "history"];

    public static async Task SeedAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        (string Key, Func<Task> Add)[] seeds =
        [
            (SettingKeys.ContentSeeded, () => AddContentAsync(db, clock, ct)),
            (SettingKeys.TestimonialsSeeded, () => { AddTestimonials(db, clock); return Task.CompletedTask; }),
            (SettingKeys.ActPagesSeeded, () => AddActPagesAsync(db, clock, ct)),
            (SettingKeys.TranslationsSeeded, () => AddTranslationsAsync(db, clock, ct)),
            (SettingKeys.PrivacyTranslationsSeeded, () => AddPrivacyTranslationsAsync(db, clock, ct)),
            (SettingKeys.MenusSeeded, () => { db.MenuItems.AddRange(Menus.SiteMenus.Defaults()); return Task.CompletedTask; }),
        ];
        // Every start comes here: one read finds an existing site's seeds done, without a write for each.
        var keys = seeds.Select(s => s.Key).ToArray();
        var done = await db.Settings.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(ct);
        foreach (var (key, add) in seeds)
        {
            if (!done.Contains(key)) await SeedOnceAsync(db, key, clock, add, ct);
        }
    }

    private static async Task SeedOnceAsync(SiteDbContext db, string key, TimeProvider clock, Func<Task> add, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            if (await db.Settings.AnyAsync(s => s.Key == key, c)) return;
            // All of a seed or none of it, with the row that records it.
            await add();
            db.Settings.Add(new SiteSetting { Key = key, Value = clock.GetUtcNow().ToString("O") });
        }, ct);
    }

    private static async Task AddContentAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pages = SeededPages.Select(slug => (Page: new Page { Slug = slug, CreatedAt = now, UpdatedAt = now, HasPublicHistory = PagesWithPublicHistory.Contains(slug) }, Text: ReadFrontMatter(ReadResource($"Seed/{slug}.md")))).ToList();
        db.Pages.AddRange(pages.Select(p => p.Page));
        var position = 0;
        var faq = ReadFaq(ReadResource("Seed/faq.md"))
            .Select(qa => (Entry: new FaqEntry { Anchor = Slugs.FromText(qa.Question), Position = ++position, UpdatedAt = now }, qa.Question, qa.Answer))
            .ToList();
        db.FaqEntries.AddRange(faq.Select(f => f.Entry));
        // The texts name their items by id: the items are saved first, in the same transaction.
        await db.SaveChangesAsync(ct);

        foreach (var (page, (front, body)) in pages)
            db.Texts.Add(Published(TextKinds.Page, page.Id, page.Slug, front["title"], front["summary"], body, now));
        foreach (var (entry, question, answer) in faq)
            db.Texts.Add(Published(TextKinds.Faq, entry.Id, entry.Anchor, question, "", answer, now));
    }

    /// <summary>
    /// The privacy notice and the relief criteria, as pages editors change in /admin/pages. Seeded apart from the first
    /// content so that sites started before them get them too; a slug an editor already uses is left alone.
    /// </summary>
    private static async Task AddActPagesAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pages = new List<(Page Page, Dictionary<string, string> Front, string Body)>();
        foreach (var slug in ActPages)
        {
            if (await db.Pages.AnyAsync(p => p.Slug == slug, ct)) continue;
            var (front, body) = ReadFrontMatter(ReadResource($"Seed/{slug}.md"));
            pages.Add((new Page { Slug = slug, CreatedAt = now, UpdatedAt = now }, front, body));
        }
        db.Pages.AddRange(pages.Select(p => p.Page));
        await db.SaveChangesAsync(ct);
        foreach (var (page, front, body) in pages)
            db.Texts.Add(Published(TextKinds.Page, page.Id, page.Slug, front["title"], front["summary"], body, now));
    }

    private static readonly string[] ActPages = [Privacy.PrivacyNotice.Slug, Relief.ReliefPages.HowWeChooseSlug];

    private static VersionedText Published(string kind, int itemId, string address, string title, string summary, string body, DateTime now,
        string culture = SiteCultures.Default)
    {
        var isTranslation = culture != SiteCultures.Default;
        var text = new VersionedText
        {
            Kind = kind, ItemId = itemId, Culture = culture, Title = title, Summary = summary, Body = body,
            IsPublished = true, PublishedTitle = title, PublishedSummary = summary, PublishedBody = body, PublishedAt = now, UpdatedAt = now, Version = 1,
            AwaitsReview = isTranslation,
        };
        text.Revisions.Add(new TextRevision
        {
            Number = 1, PublicVersion = 1, Address = address, Title = title, Summary = summary, Body = body, IsPublished = true,
            CreatedAt = now, AuthorName = Actor.System.Name, Note = isTranslation ? "Seeded translation, awaiting review" : "Seeded",
        });
        return text;
    }

    /// <summary>The Bismillah as the first seeded statement had it, in Latin letters.</summary>
    private const string TransliteratedBismillah = "BISMILLA HIRRAHEMA NIRRAHEEM";

    /// <summary>
    /// Arabic and Urdu translations of the home page's introduction, the statement, the history and the FAQ, published
    /// with the notice that they await the movement's review (<see cref="VersionedText.AwaitsReview"/>). A separate seed,
    /// so that sites started before it get them once; a text an editor already wrote in a language is never replaced,
    /// and an item an editor deleted stays deleted.
    /// </summary>
    private static async Task AddTranslationsAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await SetBismillahInArabicScriptAsync(db, now, ct);

        var englishFaq = ReadFaq(ReadResource("Seed/faq.md")).ToList();
        foreach (var culture in SiteCultures.All.Where(c => c != SiteCultures.Default))
        {
            foreach (var slug in SeededPages)
            {
                var page = await db.Pages.SingleOrDefaultAsync(p => p.Slug == slug && p.DeletedAt == null, ct);
                if (page is null) continue;
                var (englishFront, englishBody) = ReadFrontMatter(ReadResource($"Seed/{slug}.md"));
                var (front, body) = ReadFrontMatter(ReadResource($"Seed/{culture}/{slug}.md"));
                await AddTranslationAsync(db, TextKinds.Page, page.Id, page.Slug, culture, front["title"], front["summary"], body, englishBody, now, ct);
            }
            var translatedFaq = ReadFaq(ReadResource($"Seed/{culture}/faq.md")).ToList();
            if (translatedFaq.Count != englishFaq.Count) throw new InvalidOperationException($"Seed/{culture}/faq.md must have the English FAQ's {englishFaq.Count} questions, in its order.");
            foreach (var (english, translated) in englishFaq.Zip(translatedFaq))
            {
                var anchor = Slugs.FromText(english.Question);
                var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Anchor == anchor, ct);
                if (entry is null) continue;
                await AddTranslationAsync(db, TextKinds.Faq, entry.Id, entry.Anchor, culture, translated.Question, "", translated.Answer, english.Answer, now, ct);
            }
        }
    }

    /// <summary>
    /// The privacy notice in Arabic and Urdu, which their consent boxes link to, published with the notice that it awaits
    /// the movement's review. Only where the English notice still reads as seeded: a translation of other words would
    /// promise what the site's own notice does not.
    /// </summary>
    private static async Task AddPrivacyTranslationsAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slug = Privacy.PrivacyNotice.Slug;
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Slug == slug && p.DeletedAt == null, ct);
        if (page is null) return;
        var (_, englishBody) = ReadFrontMatter(ReadResource($"Seed/{slug}.md"));
        if (!await db.Texts.AnyAsync(t => t.Kind == TextKinds.Page && t.ItemId == page.Id && t.Culture == SiteCultures.Default && t.PublishedBody == englishBody, ct)) return;
        foreach (var culture in SiteCultures.All.Where(c => c != SiteCultures.Default))
        {
            var (front, body) = ReadFrontMatter(ReadResource($"Seed/{culture}/{slug}.md"));
            await AddTranslationAsync(db, TextKinds.Page, page.Id, page.Slug, culture, front["title"], front["summary"], body, englishBody, now, ct);
        }
    }

    private static async Task AddTranslationAsync(SiteDbContext db, string kind, int itemId, string address, string culture, string title, string summary, string body,
        string englishBody, DateTime now, CancellationToken ct)
    {
        if (await db.Texts.AnyAsync(t => t.Kind == kind && t.ItemId == itemId && t.Culture == culture, ct)) return;
        var english = await db.Texts.AsNoTracking().Where(t => t.Kind == kind && t.ItemId == itemId && t.Culture == SiteCultures.Default)
            .Select(t => new { t.PublishedBody, t.Id }).SingleOrDefaultAsync(ct);
        if (english is null) return;
        var text = Published(kind, itemId, address, title, summary, body, now, culture);
        // Translated from the English as seeded: of the current public version while the English still reads so, else of the first.
        text.SourceVersion = english.PublishedBody == englishBody
            ? await db.TextRevisions.Where(r => r.TextId == english.Id).MaxAsync(r => r.PublicVersion, ct) ?? 1
            : 1;
        db.Texts.Add(text);
    }

    /// <summary>
    /// A statement seeded before the Bismillah was set in Arabic script gets it so, as a new minor public version, when
    /// its first line is still the transliteration and no draft waits; an editor's other wording is left alone.
    /// </summary>
    private static async Task SetBismillahInArabicScriptAsync(SiteDbContext db, DateTime now, CancellationToken ct)
    {
        var statement = await (from p in db.Pages
                               join t in db.Texts on p.Id equals t.ItemId
                               where p.Slug == "statement" && t.Kind == TextKinds.Page && t.Culture == SiteCultures.Default
                               select new { Page = p, Text = t }).SingleOrDefaultAsync(ct);
        if (statement is not { Text: { IsPublished: true } text } || text.HasDraft || !text.Body.StartsWith(TransliteratedBismillah + "\n", StringComparison.Ordinal)) return;
        var body = Bismillah.Arabic + text.Body[TransliteratedBismillah.Length..];
        var revisions = db.TextRevisions.Where(r => r.TextId == text.Id);
        var number = await revisions.MaxAsync(r => r.Number, ct) + 1;
        var publicVersion = (await revisions.MaxAsync(r => r.PublicVersion, ct) ?? 0) + 1;
        (text.Body, text.PublishedBody, text.PublishedAt, text.UpdatedAt) = (body, body, now, now);
        text.Version++;
        text.Revisions.Add(new TextRevision
        {
            Number = number, PublicVersion = publicVersion, Address = statement.Page.Slug, Title = text.Title, Summary = text.Summary, Body = body,
            IsPublished = true, CreatedAt = now, AuthorName = Actor.System.Name, Note = "Bismillah set in Arabic script",
        });
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
