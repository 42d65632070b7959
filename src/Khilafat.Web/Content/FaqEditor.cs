using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Content;

public sealed record FaqInput(string Question, string Answer, string Anchor, bool IsPublished);

public sealed record FaqListItem(int Id, string Anchor, string Question, bool IsPublished, int Position);

/// <summary>Creates, edits, orders, publishes and deletes FAQ entries; each change is audited and shows on /faq at once.</summary>
public sealed class FaqEditor(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache)
{
    public async Task<IReadOnlyList<FaqListItem>> ListAsync(CancellationToken ct = default) =>
        await db.FaqEntries.AsNoTracking().OrderBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new FaqListItem(f.Id, f.Anchor, f.Question, f.IsPublished, f.Position)).ToListAsync(ct);

    public async Task<FaqInput?> GetAsync(int id, CancellationToken ct = default) =>
        await db.FaqEntries.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new FaqInput(f.Question, f.Answer, f.Anchor, f.IsPublished)).SingleOrDefaultAsync(ct);

    /// <summary>Field problems keyed by <see cref="FaqInput"/> property; an empty anchor is made from the question.</summary>
    public async Task<(FaqInput Input, Dictionary<string, string> Errors)> ValidateAsync(FaqInput input, int? id, CancellationToken ct = default)
    {
        input = input with
        {
            Question = (input.Question ?? "").Trim(),
            Answer = (input.Answer ?? "").Replace("\r\n", "\n").Trim(),
            Anchor = string.IsNullOrWhiteSpace(input.Anchor) ? Slugs.FromText(input.Question ?? "") : input.Anchor.Trim(),
        };
        var errors = new Dictionary<string, string>();
        if (input.Question.Length == 0) errors[nameof(FaqInput.Question)] = "Enter the question.";
        else if (input.Question.Length > FaqEntry.QuestionMaxLength) errors[nameof(FaqInput.Question)] = $"The question must be at most {FaqEntry.QuestionMaxLength} characters.";
        if (input.Answer.Length == 0) errors[nameof(FaqInput.Answer)] = "Enter the answer.";
        else if (input.Answer.Length > FaqEntry.AnswerMaxLength) errors[nameof(FaqInput.Answer)] = $"The answer must be at most {FaqEntry.AnswerMaxLength:N0} characters.";
        if (!Slugs.IsWellFormed(input.Anchor)) errors[nameof(FaqInput.Anchor)] = "Use lowercase letters, digits and single hyphens only (for example: how-can-i-help).";
        else if (await db.FaqEntries.AnyAsync(f => f.Anchor == input.Anchor && f.Id != id, ct)) errors[nameof(FaqInput.Anchor)] = "Another question already uses this anchor.";
        return (input, errors);
    }

    public async Task<(int? Id, Dictionary<string, string> Errors)> CreateAsync(FaqInput input, Actor actor, CancellationToken ct = default)
    {
        var (clean, errors) = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return (null, errors);
        var position = (await db.FaqEntries.MaxAsync(f => (int?)f.Position, ct) ?? 0) + 1;
        var entry = new FaqEntry
        {
            Question = clean.Question, Answer = clean.Answer, Anchor = clean.Anchor, IsPublished = clean.IsPublished,
            Position = position, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.FaqEntries.Add(entry);
        db.Audit(clock, actor, AuditActions.FaqCreated, Target(entry), clean.IsPublished ? "published" : "unpublished");
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return (entry.Id, errors);
    }

    public async Task<(bool Found, Dictionary<string, string> Errors)> UpdateAsync(int id, FaqInput input, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return (false, []);
        var (clean, errors) = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return (true, errors);

        var wasPublished = entry.IsPublished;
        (entry.Question, entry.Answer, entry.Anchor, entry.IsPublished) = (clean.Question, clean.Answer, clean.Anchor, clean.IsPublished);
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(clock, actor, AuditActions.FaqEdited, Target(entry));
        if (wasPublished != clean.IsPublished) db.Audit(clock, actor, clean.IsPublished ? AuditActions.FaqPublished : AuditActions.FaqUnpublished, Target(entry));
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return (true, errors);
    }

    public async Task<bool> SetPublishedAsync(int id, bool publish, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return false;
        if (entry.IsPublished == publish) return true;
        entry.IsPublished = publish;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(clock, actor, publish ? AuditActions.FaqPublished : AuditActions.FaqUnpublished, Target(entry));
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return true;
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
        for (var i = 0; i < entries.Count; i++) entries[i].Position = i + 1;
        db.Audit(clock, actor, AuditActions.FaqMoved, Target(entries[other]), up ? "up" : "down");
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return true;
    }

    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var entry = await db.FaqEntries.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return false;
        db.FaqEntries.Remove(entry);
        db.Audit(clock, actor, AuditActions.FaqDeleted, Target(entry), entry.Question);
        await db.SaveChangesAsync(ct);
        await cache.EvictPublicAsync(ct);
        return true;
    }

    private static string Target(FaqEntry entry) => "faq:" + entry.Anchor;
}
