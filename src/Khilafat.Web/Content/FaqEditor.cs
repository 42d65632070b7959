using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

public sealed record FaqListItem(int Id, string Anchor, string Question, bool IsPublished, bool HasDraft, int Position);

/// <summary>An FAQ entry as the editor opens it: its anchor and its English text.</summary>
public sealed record EditableFaqEntry(int Id, string Anchor, TextView Text);

/// <summary>
/// An FAQ entry's own part: its anchor and its place in the list, creation and deletion. Its question and answer, in
/// English and translated, are saved through <see cref="TextEditor"/> like every other kind's.
/// </summary>
public sealed class FaqEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache, TextEditor texts)
{
    public async Task<IReadOnlyList<FaqListItem>> ListAsync(CancellationToken ct = default) =>
        await (from f in db.FaqEntries.AsNoTracking()
               join t in db.Texts on new { Kind = TextKinds.Faq, ItemId = f.Id, Culture = SiteCultures.Default } equals new { t.Kind, t.ItemId, t.Culture }
               orderby f.Position, f.Id
               select new FaqListItem(f.Id, f.Anchor, t.Title, t.IsPublished,
                   t.IsPublished && (t.Title != t.PublishedTitle || t.Body != t.PublishedBody), f.Position))
            .ToListAsync(ct);

    public async Task<EditableFaqEntry?> GetAsync(int id, CancellationToken ct = default)
    {
        var anchor = await db.FaqEntries.AsNoTracking().Where(f => f.Id == id).Select(f => f.Anchor).SingleOrDefaultAsync(ct);
        if (anchor is null) return null;
        var text = await texts.GetAsync(TextKinds.Faq, id, SiteCultures.Default, ct);
        return text is null ? null : new EditableFaqEntry(id, anchor, text);
    }

    /// <summary>The anchor to use (an empty one is made from the question) and the problems of the anchor and the text.</summary>
    public async Task<(string Anchor, Dictionary<string, string> Errors)> ValidateAsync(string? anchor, TextInput text, int? id, CancellationToken ct = default)
    {
        text = text.Clean();
        anchor = string.IsNullOrWhiteSpace(anchor) ? Slugs.FromText(text.Title) : anchor.Trim();
        var errors = new Dictionary<string, string>();
        TextRules.Faq.Check(text, errors);
        if (anchor.Length > FaqEntry.AnchorMaxLength) errors["Anchor"] = $"The anchor must be at most {FaqEntry.AnchorMaxLength} characters.";
        else if (!Slugs.IsWellFormed(anchor)) errors["Anchor"] = "Use lowercase letters, digits and single hyphens only (for example: how-can-i-help).";
        else if (await db.FaqEntries.AnyAsync(f => f.Anchor == anchor && f.Id != id, ct)) errors["Anchor"] = AnchorTakenMessage;
        return (anchor, errors);
    }

    private const string AnchorTakenMessage = "Another question already uses this anchor.";

    /// <summary>Adds an entry at the end of the list, published or not, with its English text's first revision.</summary>
    public async Task<TextSaveResult> CreateAsync(string? anchor, TextInput text, bool publish, Actor actor, CancellationToken ct = default)
    {
        var result = await texts.WriteAsync(TextItem.Faq(0, anchor ?? ""), SiteCultures.Default, async c =>
        {
            // Checked inside the write: when another save took the anchor meanwhile, the write's retry says so here.
            var (clean, errors) = await ValidateAsync(anchor, text, null, c);
            if (errors.Count > 0) return new TextSaveResult.Invalid(errors);
            var position = (await db.FaqEntries.MaxAsync(f => (int?)f.Position, c) ?? 0) + 1;
            var entry = db.FaqEntries.Add(new FaqEntry { Anchor = clean, Position = position, UpdatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
            return await texts.AddFirstTextAsync(() => TextItem.Faq(entry), text, publish ? TextChange.Publish : TextChange.Unpublish, actor, c);
        }, ct);
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result is TextSaveResult.Taken ? AnchorTaken : result;
    }

    /// <summary>Saves an edit of the entry's anchor and English text made from version <paramref name="expectedVersion"/>; a newer save by someone else is a conflict.</summary>
    public async Task<TextSaveResult> UpdateAsync(int id, int expectedVersion, string? anchor, TextInput text, TextChange change, Actor actor,
        TextPublication? publication = null, CancellationToken ct = default)
    {
        var result = await texts.WriteAsync(TextItem.Faq(id, anchor ?? ""), SiteCultures.Default, async c =>
        {
            var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, c);
            if (entry is null) return new TextSaveResult.NotFound();
            var stored = await texts.GetAsync(TextKinds.Faq, id, SiteCultures.Default, c);
            if (stored is not null && stored.Version != expectedVersion)
                return await texts.SaveAsync(TextItem.Faq(entry), SiteCultures.Default, expectedVersion, text, change, actor, ct: c);

            var (clean, errors) = await ValidateAsync(anchor, text, id, c);
            if (errors.Count > 0 && change != TextChange.DiscardDraft) return new TextSaveResult.Invalid(errors);
            var oldAnchor = entry.Anchor;
            var anchorChanged = change != TextChange.DiscardDraft && clean != oldAnchor;
            if (anchorChanged)
            {
                entry.Anchor = clean;
                entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }
            var item = TextItem.Faq(entry) with { ItemChange = anchorChanged ? $"anchor changed from {oldAnchor}" : null };
            return await texts.SaveAsync(item, SiteCultures.Default, expectedVersion, text, change, actor, publication, c);
        }, ct);
        if (result is TextSaveResult.Saved) await cache.EvictPublicAsync(ct);
        return result is TextSaveResult.Taken ? AnchorTaken : result;
    }

    /// <summary>Publishes or unpublishes the entry's English text as it stands (the list's buttons).</summary>
    public async Task<bool> SetPublishedAsync(int id, bool publish, Actor actor, CancellationToken ct = default)
    {
        if (await GetAsync(id, ct) is not { } entry) return false;
        var result = await UpdateAsync(id, entry.Text.Version, entry.Anchor, entry.Text.Working, publish ? TextChange.Publish : TextChange.Unpublish, actor, ct: ct);
        return result is TextSaveResult.Saved;
    }

    /// <summary>Makes revision <paramref name="number"/> of the entry's text in <paramref name="culture"/> current again.</summary>
    public async Task<TextSaveResult> RestoreAsync(int id, string culture, int number, Actor actor, CancellationToken ct = default, TextPublication? publication = null)
    {
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, ct);
        return entry is null ? new TextSaveResult.NotFound() : await texts.RestoreAsync(TextItem.Faq(entry), culture, number, actor, ct, publication);
    }

    /// <summary>Swaps the entry with its neighbour above (<paramref name="up"/>) or below. At the top or bottom it stays.</summary>
    public async Task<bool> MoveAsync(int id, bool up, Actor actor, CancellationToken ct = default)
    {
        var entries = await db.FaqEntries.OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct);
        var index = entries.FindIndex(f => f.Id == id);
        if (index < 0) return false;
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= entries.Count) return true;

        (entries[index], entries[other]) = (entries[other], entries[index]);
        // Renumber all, so positions stay 1..n even after deletions.
        await db.WriteAsync(_ =>
        {
            for (var i = 0; i < entries.Count; i++) entries[i].Position = i + 1;
            db.Audit(clock, actor, AuditActions.FaqMoved, Target(entries[other]), up ? "up" : "down");
            return Task.CompletedTask;
        }, ct);
        await cache.EvictPublicAsync(ct);
        return true;
    }

    /// <summary>Deletes the entry with its texts and their revisions; the audit log keeps its question.</summary>
    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return false;
        await db.WriteAsync(async c =>
        {
            var question = await db.Texts.Where(t => t.Kind == TextKinds.Faq && t.ItemId == id && t.Culture == SiteCultures.Default).Select(t => t.Title).SingleOrDefaultAsync(c);
            await texts.RemoveAllAsync(TextKinds.Faq, id, c);
            db.FaqEntries.Remove(entry);
            db.Audit(clock, actor, AuditActions.FaqDeleted, Target(entry), question);
        }, ct);
        await cache.EvictPublicAsync(ct);
        return true;
    }

    private static TextSaveResult.Invalid AnchorTaken => new(new Dictionary<string, string> { ["Anchor"] = AnchorTakenMessage });

    private static string Target(FaqEntry entry) => AuditTargets.Faq(entry.Anchor);
}
