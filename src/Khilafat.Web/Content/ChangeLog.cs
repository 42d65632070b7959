using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

/// <summary>One public version of a text: its number, when it was published, and whether its meaning changed (with the editor's note).</summary>
public sealed record PublicVersion(int Number, DateTime PublishedAt, bool IsMajor, string? Note);

/// <summary>A page's public versions in the language readers get (its translation when published, else English), newest first.</summary>
public sealed record PageChanges(string Slug, string Title, string Language, bool IsFallback, IReadOnlyList<PublicVersion> Versions);

/// <summary>A page as one of its public versions was published.</summary>
public sealed record PageVersion(string Slug, PublicVersion Version, int Latest, string Title, string Summary, string Body, string Language);

/// <summary>A translation published from an earlier English version than the current one, since which the English changed in meaning.</summary>
public sealed record OutdatedTranslation(int SourceVersion, int LatestVersion);

/// <summary>A translation the dashboard lists as behind its English original.</summary>
public sealed record OutdatedTranslationItem(string Kind, int ItemId, string Title, string Culture, int SourceVersion, int LatestVersion);

/// <summary>One public version of an FAQ entry, in the language readers get it in.</summary>
public sealed record FaqVersionItem(string Anchor, string Question, string Language, PublicVersion Version);

/// <summary>An FAQ entry as one of its public versions was published, with the version before it (null for the first).</summary>
public sealed record FaqEntryVersion(string Anchor, PublicVersion Version, int Latest, TextInput Text, TextInput? Previous, string Language);

/// <summary>A major change for the feed of the official texts, with the path of the version it made.</summary>
public sealed record MajorChange(string VersionPath, string Title, string Language, PublicVersion Version);

/// <summary>
/// The public record of the official texts: each page that shows its history (<see cref="Page.HasPublicHistory"/>) lists
/// its published versions, shows each as it was, and flags translations made from an English text whose meaning has
/// changed since. Only public versions are read here: drafts, unpublished saves and editors' names never are.
/// </summary>
public sealed class ChangeLog(SiteDbContext db)
{
    /// <summary>The public versions of a page that shows its history, in <paramref name="culture"/> where translated; null otherwise.</summary>
    public async Task<PageChanges?> ChangesAsync(string slug, string culture, CancellationToken ct = default)
    {
        if (await PublicTextAsync(slug, culture, ct) is not { } text) return null;
        var versions = await PublicVersions(text.TextId).ToListAsync(ct);
        return new PageChanges(slug, text.Title, text.Language, text.Language != culture, versions);
    }

    /// <summary>Public version <paramref name="number"/> of a page that shows its history, as readers saw it.</summary>
    public async Task<PageVersion?> VersionAsync(string slug, string culture, int number, CancellationToken ct = default)
    {
        if (await PublicTextAsync(slug, culture, ct) is not { } text) return null;
        var latest = await db.TextRevisions.Where(r => r.TextId == text.TextId).MaxAsync(r => r.PublicVersion, ct) ?? 0;
        return await db.TextRevisions.AsNoTracking().Where(r => r.TextId == text.TextId && r.PublicVersion == number)
            .Select(r => new PageVersion(slug, new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote), latest, r.Title, r.Summary, r.Body, text.Language))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The latest public version of a page that shows its history, for the line under its title.</summary>
    public async Task<PublicVersion?> LastChangeAsync(string slug, string culture, CancellationToken ct = default) =>
        await PublicTextAsync(slug, culture, ct) is { } text
            ? await PublicVersions(text.TextId).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>Whether an item's translation into <paramref name="culture"/> was made from an English version older than its latest major change.</summary>
    public async Task<OutdatedTranslation?> OutdatedAsync(string kind, int itemId, string culture, CancellationToken ct = default)
    {
        if (culture == SiteCultures.Default) return null;
        var source = await db.Texts.Where(t => t.Kind == kind && t.ItemId == itemId && t.Culture == culture && t.IsPublished).Select(t => t.SourceVersion).SingleOrDefaultAsync(ct);
        if (source is not { } made) return null;
        var english = OriginalRevisions(kind, itemId);
        var lastMajor = await english.Where(r => r.IsMajor).MaxAsync(r => r.PublicVersion, ct);
        if (lastMajor is null || lastMajor <= made) return null;
        return new OutdatedTranslation(made, await english.MaxAsync(r => r.PublicVersion, ct) ?? lastMajor.Value);
    }

    /// <summary><see cref="OutdatedAsync"/>, with what the English changed since the translation was made, for its translator.</summary>
    public async Task<(OutdatedTranslation Versions, IReadOnlyList<DiffLine> Diff)?> OutdatedWithChangesAsync(string kind, int itemId, string culture,
        CancellationToken ct = default) =>
        await OutdatedAsync(kind, itemId, culture, ct) is { } outdated
        && await OriginalAtAsync(kind, itemId, outdated.SourceVersion, ct) is { } then
        && await OriginalAtAsync(kind, itemId, outdated.LatestVersion, ct) is { } now
            ? (outdated, LineDiff.Compare(then.Body, now.Body))
            : null;

    /// <summary><see cref="OutdatedAsync"/> for a page by its address.</summary>
    public async Task<OutdatedTranslation?> OutdatedPageAsync(string slug, string culture, CancellationToken ct = default) =>
        culture == SiteCultures.Default || await db.Pages.Where(p => p.Slug == slug && p.DeletedAt == null).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) is not { } id
            ? null
            : await OutdatedAsync(TextKinds.Page, id, culture, ct);

    /// <summary>An item's English text as its public version <paramref name="number"/> was published.</summary>
    public async Task<TextInput?> OriginalAtAsync(string kind, int itemId, int number, CancellationToken ct = default) =>
        await OriginalRevisions(kind, itemId).Where(r => r.PublicVersion == number)
            .Select(r => new TextInput(r.Title, r.Summary, r.Body)).SingleOrDefaultAsync(ct);

    /// <summary>The FAQ's answers published in <paramref name="culture"/> from an English one whose meaning has changed since, by anchor.</summary>
    public async Task<IReadOnlyDictionary<string, OutdatedTranslation>> OutdatedFaqAsync(string culture, CancellationToken ct = default)
    {
        if (culture == SiteCultures.Default) return new Dictionary<string, OutdatedTranslation>();
        var rows = await Outdated(db.Texts.Where(t => t.Kind == TextKinds.Faq && t.Culture == culture)).ToListAsync(ct);
        if (rows.Count == 0) return new Dictionary<string, OutdatedTranslation>();
        var ids = rows.Select(r => r.ItemId).ToList();
        var anchors = await db.FaqEntries.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Anchor, ct);
        return rows.Where(r => anchors.ContainsKey(r.ItemId))
            .ToDictionary(r => anchors[r.ItemId], r => new OutdatedTranslation(r.SourceVersion, r.LatestVersion), StringComparer.Ordinal);
    }

    /// <summary>Every published translation behind a major change of its English original, for editors.</summary>
    public async Task<IReadOnlyList<OutdatedTranslationItem>> OutdatedTranslationsAsync(CancellationToken ct = default) =>
        (await Outdated(db.Texts.Where(t => t.Culture != SiteCultures.Default)).ToListAsync(ct))
            .OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Culture, StringComparer.Ordinal).ToList();

    /// <summary>Those of <paramref name="translations"/> published from an English text with a major change since.</summary>
    private IQueryable<OutdatedTranslationItem> Outdated(IQueryable<VersionedText> translations) =>
        from t in translations
        join o in db.Texts on new { t.Kind, t.ItemId, Culture = SiteCultures.Default } equals new { o.Kind, o.ItemId, o.Culture }
        where t.IsPublished && t.SourceVersion != null
        let lastMajor = o.Revisions.Where(r => r.IsMajor).Max(r => r.PublicVersion)
        where lastMajor > t.SourceVersion
        select new OutdatedTranslationItem(t.Kind, t.ItemId, o.Title, t.Culture, t.SourceVersion!.Value, o.Revisions.Max(r => r.PublicVersion) ?? 0);

    /// <summary>
    /// The major changes of the pages that show their history, newest first: those of the English originals, and those
    /// of their translations into <paramref name="culture"/>. Each keeps its own language, so its address (the English
    /// version, or the translation's) never comes to mean another text.
    /// </summary>
    public async Task<IReadOnlyList<MajorChange>> MajorChangesAsync(string culture, int count = 50, CancellationToken ct = default) =>
        (await (from p in db.Pages
                join t in db.Texts on p.Id equals t.ItemId
                from r in t.Revisions
                where t.Kind == TextKinds.Page && p.HasPublicHistory && p.DeletedAt == null && t.IsPublished
                      && (t.Culture == culture || t.Culture == SiteCultures.Default) && r.IsMajor
                select new { p.Slug, t.Culture, Title = t.PublishedTitle!, Version = new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote) })
            .ToListAsync(ct))
        .Select(r => new MajorChange(SiteUrls.VersionPath(r.Slug, r.Version.Number), r.Title, r.Culture, r.Version))
        .Concat((await (from f in db.FaqEntries
                        join t in db.Texts on f.Id equals t.ItemId
                        from r in t.Revisions
                        where t.Kind == TextKinds.Faq && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default) && r.IsMajor
                        select new { f.Anchor, t.Culture, Title = t.PublishedTitle!, Version = new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote) })
            .ToListAsync(ct))
            .Select(r => new MajorChange(SiteUrls.FaqVersionPath(r.Anchor, r.Version.Number), r.Title, r.Culture, r.Version)))
        .OrderByDescending(c => c.Version.PublishedAt)
        .Take(count)
        .ToList();

    /// <summary>The public versions of every published FAQ entry, newest first, each in <paramref name="culture"/> where translated.</summary>
    public async Task<IReadOnlyList<FaqVersionItem>> FaqChangesAsync(string culture, CancellationToken ct = default)
    {
        var texts = await FaqTextsAsync(culture, null, ct);
        var ids = texts.Select(t => t.TextId).ToList();
        var versions = await db.TextRevisions.AsNoTracking().Where(r => ids.Contains(r.TextId) && r.PublicVersion != null)
            .Select(r => new { r.TextId, Version = new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote) })
            .ToListAsync(ct);
        var byText = texts.ToDictionary(t => t.TextId);
        return versions.Select(v => new FaqVersionItem(byText[v.TextId].Anchor, byText[v.TextId].Question, byText[v.TextId].Language, v.Version))
            .OrderByDescending(v => v.Version.PublishedAt).ThenByDescending(v => v.Version.Number)
            .ToList();
    }

    /// <summary>Public version <paramref name="number"/> of a published FAQ entry, as readers saw it, with the version before.</summary>
    public async Task<FaqEntryVersion?> FaqVersionAsync(string anchor, string culture, int number, CancellationToken ct = default)
    {
        var found = await FaqTextsAsync(culture, anchor, ct);
        if (found.Count == 0) return null;
        var text = found[0];
        var revisions = await db.TextRevisions.AsNoTracking().Where(r => r.TextId == text.TextId && r.PublicVersion != null && r.PublicVersion <= number)
            .OrderByDescending(r => r.PublicVersion).Take(2)
            .Select(r => new { Version = new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote), Text = new TextInput(r.Title, r.Summary, r.Body) })
            .ToListAsync(ct);
        if (revisions.FirstOrDefault() is not { } shown || shown.Version.Number != number) return null;
        var latest = await db.TextRevisions.Where(r => r.TextId == text.TextId).MaxAsync(r => r.PublicVersion, ct) ?? number;
        return new FaqEntryVersion(anchor, shown.Version, latest, shown.Text, revisions.ElementAtOrDefault(1)?.Text, text.Language);
    }

    /// <summary>The latest public version of any FAQ entry in <paramref name="culture"/>, for the line under the FAQ's title.</summary>
    public async Task<FaqVersionItem?> FaqLastChangeAsync(string culture, CancellationToken ct = default) =>
        (await FaqChangesAsync(culture, ct)).FirstOrDefault();

    /// <summary>The published FAQ entries' texts readers of <paramref name="culture"/> get (one entry's, when <paramref name="anchor"/> is given).</summary>
    private async Task<List<(int TextId, string Anchor, string Question, string Language)>> FaqTextsAsync(string culture, string? anchor, CancellationToken ct)
    {
        var rows = await (from f in db.FaqEntries
                          join t in db.Texts on f.Id equals t.ItemId
                          where t.Kind == TextKinds.Faq && t.IsPublished && (t.Culture == culture || t.Culture == SiteCultures.Default)
                                && (anchor == null || f.Anchor == anchor)
                          select new { f.Id, f.Anchor, TextId = t.Id, t.Culture, Question = t.PublishedTitle! })
            .ToListAsync(ct);
        // An entry is public while its English original is; in a translation where that is published too.
        return rows.GroupBy(r => r.Id)
            .Where(g => g.Any(r => r.Culture == SiteCultures.Default))
            .Select(g => g.FirstOrDefault(r => r.Culture == culture) ?? g.First(r => r.Culture == SiteCultures.Default))
            .Select(r => (r.TextId, r.Anchor, r.Question, r.Culture))
            .ToList();
    }

    /// <summary>A text's public versions, newest first.</summary>
    private IQueryable<PublicVersion> PublicVersions(int textId) =>
        db.TextRevisions.AsNoTracking().Where(r => r.TextId == textId && r.PublicVersion != null)
            .OrderByDescending(r => r.PublicVersion)
            .Select(r => new PublicVersion(r.PublicVersion!.Value, r.CreatedAt, r.IsMajor, r.ChangeNote));

    private IQueryable<TextRevision> OriginalRevisions(string kind, int itemId) =>
        from r in db.TextRevisions
        join t in db.Texts on r.TextId equals t.Id
        where t.Kind == kind && t.ItemId == itemId && t.Culture == SiteCultures.Default
        select r;

    /// <summary>The published text readers of <paramref name="culture"/> get for a page that shows its history.</summary>
    private async Task<(int TextId, string Title, string Language)?> PublicTextAsync(string slug, string culture, CancellationToken ct)
    {
        var texts = await (from p in db.Pages
                           join t in db.Texts on p.Id equals t.ItemId
                           where p.Slug == slug && p.HasPublicHistory && p.DeletedAt == null && t.Kind == TextKinds.Page && t.IsPublished
                                 && (t.Culture == culture || t.Culture == SiteCultures.Default)
                           select new { t.Id, t.Culture, Title = t.PublishedTitle! })
            .ToListAsync(ct);
        var chosen = texts.FirstOrDefault(t => t.Culture == culture && texts.Any(o => o.Culture == SiteCultures.Default))
            ?? texts.FirstOrDefault(t => t.Culture == SiteCultures.Default);
        return chosen is null ? null : (chosen.Id, chosen.Title, chosen.Culture);
    }
}
