using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Relief;

/// <summary>What an editor submits for an organisation.</summary>
public sealed record ReliefInput(string Name, string Description, string Registry, string RegistrationNumber, string Url, int SortOrder)
{
    public ReliefInput Clean() => new((Name ?? "").Trim(), (Description ?? "").Replace("\r\n", "\n").Trim(), (Registry ?? "").Trim(),
        (RegistrationNumber ?? "").Trim(), (Url ?? "").Trim(), SortOrder);
}

/// <summary>An organisation as the public pages and the admin list show it.</summary>
public sealed record ReliefListItem(int Id, string Name, string Description, string Registry, string RegistrationNumber, string Url,
    int SortOrder, DateTime? LastCheckedAt, string? LastCheckedBy);

/// <summary>The outcome of an add or an edit: the entry's id, or field problems keyed by the form's property names.</summary>
public abstract record ReliefSaveResult
{
    public sealed record Saved(int Id) : ReliefSaveResult;

    public sealed record NotFound : ReliefSaveResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ReliefSaveResult;
}

/// <summary>
/// The relief organisations editors keep: add, edit, delete and "checked today", each audit logged in its own write,
/// and the public pages that show them (/relief, /act) evicted from the output cache after every change.
/// </summary>
public sealed class ReliefDirectory(SiteDbContext db, TimeProvider clock, IOutputCacheStore cache)
{
    /// <summary>An entry not checked for this long is named on the admin dashboard.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromDays(365);

    /// <summary>Every organisation, in the order readers see them.</summary>
    public async Task<IReadOnlyList<ReliefListItem>> ListAsync(CancellationToken ct = default) =>
        await Project(db.ReliefOrganisations.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Name).ThenBy(o => o.Id)).ToListAsync(ct);

    public async Task<ReliefListItem?> GetAsync(int id, CancellationToken ct = default) =>
        await Project(db.ReliefOrganisations.AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>Entries never checked, or last checked more than <see cref="CheckEvery"/> ago, oldest first: the dashboard's warning.</summary>
    public async Task<IReadOnlyList<ReliefListItem>> OverdueAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - CheckEvery;
        return await Project(db.ReliefOrganisations.AsNoTracking().Where(o => o.LastCheckedAt == null || o.LastCheckedAt < cutoff)
            .OrderBy(o => o.LastCheckedAt).ThenBy(o => o.Name)).ToListAsync(ct);
    }

    /// <summary>/relief and /act for the sitemap, dated by the latest change to the list (else <paramref name="fallback"/>).</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SitemapAsync(DateTime fallback, CancellationToken ct = default)
    {
        var changes = await db.ReliefOrganisations.AsNoTracking().Select(o => new { o.UpdatedAt, o.LastCheckedAt }).ToListAsync(ct);
        var latest = changes.Select(c => c.LastCheckedAt is { } at && at > c.UpdatedAt ? at : c.UpdatedAt).DefaultIfEmpty(fallback).Max();
        return [new SitemapEntry(ReliefPages.ActPath, latest), new SitemapEntry(ReliefPages.ListPath, latest)];
    }

    /// <summary>The sort order a new entry gets by default: after the last one.</summary>
    public async Task<int> NextSortOrderAsync(CancellationToken ct = default) =>
        (await db.ReliefOrganisations.MaxAsync(o => (int?)o.SortOrder, ct) ?? 0) + 10;

    /// <summary>Field problems of <paramref name="input"/> (already cleaned), keyed by the form's names; empty when it may be saved.</summary>
    public static Dictionary<string, string> Validate(ReliefInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Name.Length == 0) errors["Name"] = "Enter the organisation's name.";
        else if (input.Name.Length > ReliefOrganisation.NameMaxLength) errors["Name"] = $"The name must be at most {ReliefOrganisation.NameMaxLength} characters.";
        if (input.Description.Length == 0) errors["Description"] = "Say in a sentence or two what they do and where.";
        else if (input.Description.Length > ReliefOrganisation.DescriptionMaxLength) errors["Description"] = $"The description must be at most {ReliefOrganisation.DescriptionMaxLength:N0} characters.";
        if (input.Registry.Length > ReliefOrganisation.RegistryMaxLength) errors["Registry"] = $"The registry must be at most {ReliefOrganisation.RegistryMaxLength} characters.";
        if (input.RegistrationNumber.Length > ReliefOrganisation.RegistrationNumberMaxLength)
            errors["RegistrationNumber"] = $"The registration number must be at most {ReliefOrganisation.RegistrationNumberMaxLength} characters.";
        // A number means nothing without the registry that gave it, and a registry without the number cannot be looked up.
        else if (input.Registry.Length > 0 && input.RegistrationNumber.Length == 0) errors["RegistrationNumber"] = "Enter their number in that registry, or leave both empty.";
        else if (input.Registry.Length == 0 && input.RegistrationNumber.Length > 0 && !errors.ContainsKey("Registry")) errors["Registry"] = "Name the registry this number is from.";
        if (input.Url.Length == 0) errors["Url"] = "Enter the address of their web site.";
        else if (input.Url.Length > ReliefOrganisation.UrlMaxLength) errors["Url"] = $"The address must be at most {ReliefOrganisation.UrlMaxLength} characters.";
        else if (!IsWebAddress(input.Url)) errors["Url"] = "Enter a full web address starting with https:// (for example https://www.example.org).";
        if (input.SortOrder is < 0 or > 1_000_000) errors["SortOrder"] = "Enter a whole number from 0 to 1,000,000.";
        return errors;
    }

    /// <summary>An absolute http(s) address to another site; never javascript:, data: or a path on this one.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 && !url.Any(char.IsWhiteSpace);

    public async Task<ReliefSaveResult> AddAsync(ReliefInput input, Actor actor, CancellationToken ct = default)
    {
        input = input.Clean();
        var errors = Validate(input);
        if (errors.Count > 0) return new ReliefSaveResult.Invalid(errors);
        var id = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var entry = db.ReliefOrganisations.Add(new ReliefOrganisation
            {
                Name = input.Name, Description = input.Description, Registry = input.Registry, RegistrationNumber = input.RegistrationNumber,
                Url = input.Url, SortOrder = input.SortOrder, CreatedAt = now, UpdatedAt = now,
            }).Entity;
            // Saved first for its id, which the audit entry names; the write commits both or neither.
            await db.SaveChangesAsync(c);
            db.Audit(clock, actor, AuditActions.ReliefCreated, AuditTargets.Relief(entry.Id), entry.Name);
            return entry.Id;
        }, ct);
        await cache.EvictPublicAsync(ct);
        return new ReliefSaveResult.Saved(id);
    }

    public async Task<ReliefSaveResult> UpdateAsync(int id, ReliefInput input, Actor actor, CancellationToken ct = default)
    {
        input = input.Clean();
        var errors = Validate(input);
        if (errors.Count > 0) return new ReliefSaveResult.Invalid(errors);
        var found = await db.WriteAsync(async c =>
        {
            var entry = await db.ReliefOrganisations.SingleOrDefaultAsync(o => o.Id == id, c);
            if (entry is null) return false;
            var changed = Changes(entry, input);
            if (changed.Count == 0) return true;
            (entry.Name, entry.Description, entry.Registry, entry.RegistrationNumber, entry.Url, entry.SortOrder) =
                (input.Name, input.Description, input.Registry, input.RegistrationNumber, input.Url, input.SortOrder);
            entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Audit(clock, actor, AuditActions.ReliefEdited, AuditTargets.Relief(id), $"{entry.Name}: {string.Join(", ", changed)} changed");
            return true;
        }, ct);
        if (!found) return new ReliefSaveResult.NotFound();
        await cache.EvictPublicAsync(ct);
        return new ReliefSaveResult.Saved(id);
    }

    /// <summary>Records that <paramref name="actor"/> checked the entry's registry record and link today. False when there is no such entry.</summary>
    public async Task<bool> MarkCheckedAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var found = await db.WriteAsync(async c =>
        {
            var entry = await db.ReliefOrganisations.SingleOrDefaultAsync(o => o.Id == id, c);
            if (entry is null) return false;
            entry.LastCheckedAt = clock.GetUtcNow().UtcDateTime;
            entry.LastCheckedBy = actor.Name;
            db.Audit(clock, actor, AuditActions.ReliefChecked, AuditTargets.Relief(id), entry.Name);
            return true;
        }, ct);
        // Readers see when an entry was last checked.
        if (found) await cache.EvictPublicAsync(ct);
        return found;
    }

    public async Task<bool> DeleteAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var found = await db.WriteAsync(async c =>
        {
            var entry = await db.ReliefOrganisations.SingleOrDefaultAsync(o => o.Id == id, c);
            if (entry is null) return false;
            db.ReliefOrganisations.Remove(entry);
            db.Audit(clock, actor, AuditActions.ReliefDeleted, AuditTargets.Relief(id), $"{entry.Name} ({entry.Url})");
            return true;
        }, ct);
        if (found) await cache.EvictPublicAsync(ct);
        return found;
    }

    private static List<string> Changes(ReliefOrganisation entry, ReliefInput input)
    {
        var changed = new List<string>();
        if (entry.Name != input.Name) changed.Add("name");
        if (entry.Description != input.Description) changed.Add("description");
        if (entry.Registry != input.Registry) changed.Add("registry");
        if (entry.RegistrationNumber != input.RegistrationNumber) changed.Add("registration number");
        if (entry.Url != input.Url) changed.Add("link");
        if (entry.SortOrder != input.SortOrder) changed.Add("order");
        return changed;
    }

    private static IQueryable<ReliefListItem> Project(IQueryable<ReliefOrganisation> query) =>
        query.Select(o => new ReliefListItem(o.Id, o.Name, o.Description, o.Registry, o.RegistrationNumber, o.Url, o.SortOrder, o.LastCheckedAt, o.LastCheckedBy));
}
