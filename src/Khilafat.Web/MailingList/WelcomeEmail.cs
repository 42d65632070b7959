using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.MailingList;

/// <summary>
/// The welcome a subscriber gets once, after confirming: one item of <see cref="TextKinds.Welcome"/> whose text per
/// language (subject as the title, Markdown as the body) is edited, drafted, versioned and restored through
/// <see cref="TextEditor"/> like every other text. Nothing is sent until an editor publishes one.
/// </summary>
public sealed class WelcomeEmail(SiteDbContext db, TextEditor texts, EmailTemplates templates, MarkdownRenderer markdown, SiteUrls urls, Media.MediaPictures media)
{
    /// <summary>The one welcome item's id: the kind has a single item, with a text per language.</summary>
    public const int ItemId = 1;

    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20_000;

    public static readonly TextRules Rules = new("Subject", "subject", SubjectMaxLength, 0, "Body", "body", BodyMaxLength, true);

    private static readonly TextAudit Audit = new(AuditActions.WelcomeCreated, AuditActions.WelcomeEdited, AuditActions.WelcomePublished, AuditActions.WelcomeUnpublished, AuditActions.WelcomeRestored);

    /// <summary>What the audit log and the revisions name it: "welcome:email", "welcome:email:ar".</summary>
    public static readonly TextItem Item = new(TextKinds.Welcome, ItemId, "email", Rules, Audit);

    /// <summary>The stored text in <paramref name="culture"/>; null before its first save.</summary>
    public Task<TextView?> GetAsync(string culture, CancellationToken ct = default) => texts.GetAsync(TextKinds.Welcome, ItemId, culture, ct);

    /// <summary>Saves an edit of the welcome in <paramref name="culture"/> made from <paramref name="expectedVersion"/> (0 for its first save).</summary>
    public Task<TextSaveResult> SaveAsync(string culture, int expectedVersion, TextInput input, TextChange change, Actor actor, CancellationToken ct = default) =>
        texts.SaveAsync(Item, culture, expectedVersion, input, change, actor, ct: ct);

    public Task<TextSaveResult> RestoreAsync(string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null) =>
        texts.RestoreAsync(Item, culture, number, actor, ct, publication);

    /// <summary>
    /// The published welcome for someone who signed up in <paramref name="language"/>: in it when it is published,
    /// else in English when that is, else null (the welcome is off).
    /// </summary>
    public async Task<(string Culture, TextInput Text)?> PublishedForAsync(string language, CancellationToken ct = default)
    {
        var published = await db.Texts.AsNoTracking()
            .Where(t => t.Kind == TextKinds.Welcome && t.ItemId == ItemId && t.IsPublished && (t.Culture == language || t.Culture == SiteCultures.Default))
            .Select(t => new { t.Culture, Title = t.PublishedTitle!, Body = t.PublishedBody! })
            .ToListAsync(ct);
        var chosen = published.FirstOrDefault(t => t.Culture == language) ?? published.FirstOrDefault();
        return chosen is null ? null : (chosen.Culture, new TextInput(chosen.Title, "", chosen.Body));
    }

    /// <summary>The email as it goes out: the site's layout in <paramref name="culture"/>, the editor's words, why they get it, and how to leave.</summary>
    public async Task<EmailContent> ComposeAsync(string culture, TextInput text, string? name, string unsubscribeUrl, CancellationToken ct = default)
    {
        var (root, pictures) = (urls.Absolute("/"), await media.ForMarkdownAsync(text.Body, culture, ct));
        return templates.Welcome(culture, name, text.Title.Trim(), markdown.ToEmailText(text.Body, root, pictures, culture),
            markdown.ToEmailHtml(text.Body, root, pictures, culture), unsubscribeUrl);
    }
}
