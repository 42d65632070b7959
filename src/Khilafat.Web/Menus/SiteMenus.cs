using System.Globalization;
using System.Resources;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Localization;
using Khilafat.Web.Startup;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Khilafat.Web.Menus;

/// <summary>A link as the layout draws it; <see cref="IsFallback"/> when it is English's, shown for a language with none of its own.</summary>
public sealed record MenuLink(string Href, string Label, bool IsFallback);

/// <summary>An item as the admin lists it.</summary>
public sealed record MenuItemRow(int Id, int Position, string Label, string Href);

/// <summary>The outcome of an add or an edit: done, no such item, changed by someone else since the form was opened, or field problems keyed by "Label" and "Href".</summary>
public abstract record MenuSaveResult
{
    public sealed record Saved : MenuSaveResult;

    public sealed record NotFound : MenuSaveResult;

    /// <summary>The item no longer reads as the form showed it: <paramref name="Label"/> and <paramref name="Href"/> are what it is now.</summary>
    public sealed record ChangedMeanwhile(string Label, string Href) : MenuSaveResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : MenuSaveResult;
}

/// <summary>
/// The header and footer menus: read by the layout on every uncached render, through a memory cache this instance
/// empties after each change; with Redis configured (several instances, one shared output cache) they are read from
/// the database, so no instance renders and caches another's stale menu. Each change is audit logged in its own write
/// and evicts the public pages from the output cache.
/// </summary>
public sealed class SiteMenus(SiteDbContext db, TimeProvider clock, IOutputCacheStore outputCache, IMemoryCache memory, IConfiguration configuration,
    ILogger<SiteMenus> logger)
{
    /// <summary>
    /// The links of <paramref name="menu"/> in <paramref name="culture"/>: its own, or English's when it has none.
    /// </summary>
    public async Task<IReadOnlyList<MenuLink>> LinksAsync(string menu, string culture, CancellationToken ct = default)
    {
        try
        {
            if (RedisSetup.Configuration(configuration) is not null) return await ReadAsync(menu, culture, ct);
            return (await memory.GetOrCreateAsync(CacheKey(menu, culture), entry =>
            {
                // A safety net only: this instance's own changes empty the cache at once.
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
                return ReadAsync(menu, culture, ct);
            }))!;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Every page's layout draws the menus, the error page's too: with the database out of reach, the built-in
            // menus let that page still render and say what happened.
            logger.LogWarning(e, "The {Menu} menu could not be read; showing the built-in one.", menu);
            return [.. Defaults().Where(i => i.Menu == menu && i.Culture == culture).Select(i => new MenuLink(i.Href, i.Label, false))];
        }
    }

    private async Task<IReadOnlyList<MenuLink>> ReadAsync(string menu, string culture, CancellationToken ct)
    {
        var own = await ItemsAsync(menu, culture, ct);
        if (own.Count > 0 || culture == SiteCultures.Default) return [.. own.Select(i => new MenuLink(i.Href, i.Label, false))];
        return [.. (await ItemsAsync(menu, SiteCultures.Default, ct)).Select(i => new MenuLink(i.Href, i.Label, true))];
    }

    /// <summary>The items of one menu in one language, in order: only its own (no fallback), as the admin shows them.</summary>
    public async Task<IReadOnlyList<MenuItemRow>> ItemsAsync(string menu, string culture, CancellationToken ct = default) =>
        await db.MenuItems.AsNoTracking().Where(i => i.Menu == menu && i.Culture == culture)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new MenuItemRow(i.Id, i.Position, i.Label, i.Href)).ToListAsync(ct);

    /// <summary>Field problems of a label and address, keyed "Label" and "Href"; empty when they may be saved.</summary>
    public static Dictionary<string, string> Validate(string label, string href)
    {
        var errors = new Dictionary<string, string>();
        if (label.Length == 0) errors["Label"] = "Enter the link's text.";
        else if (label.Length > MenuItem.LabelMaxLength) errors["Label"] = $"The text must be at most {MenuItem.LabelMaxLength} characters.";
        if (href.Length == 0) errors["Href"] = "Enter an address on this site, starting with / (for example /statement).";
        else if (href.Length > MenuItem.HrefMaxLength) errors["Href"] = $"The address must be at most {MenuItem.HrefMaxLength} characters.";
        else if (!IsSitePath(href)) errors["Href"] = "Enter an address on this site, starting with a single / (for example /statement or /updates/our-vigil); other sites' addresses are not allowed here.";
        return errors;
    }

    /// <summary>
    /// A path on this site: one leading slash, then no second slash or backslash that would make it another host
    /// ("//evil.example", "/\evil.example"), no scheme, no spaces or control characters.
    /// </summary>
    public static bool IsSitePath(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains('\\')
        && !href.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(href, UriKind.Relative, out _);

    public async Task<MenuSaveResult> AddAsync(string menu, string culture, string label, string href, Actor actor, CancellationToken ct = default)
    {
        (label, href) = ((label ?? "").Trim(), (href ?? "").Trim());
        var errors = Validate(label, href);
        if (errors.Count > 0) return new MenuSaveResult.Invalid(errors);
        await db.WriteAsync(async c =>
        {
            var last = await db.MenuItems.Where(i => i.Menu == menu && i.Culture == culture).MaxAsync(i => (int?)i.Position, c) ?? 0;
            db.MenuItems.Add(new MenuItem { Menu = menu, Culture = culture, Position = last + 1, Label = label, Href = href });
            db.Audit(clock, actor, AuditActions.MenuItemAdded, AuditTargets.Menu(menu, culture), $"{label} ({href})");
            return true;
        }, ct);
        await ChangedAsync(menu, ct);
        return new MenuSaveResult.Saved();
    }

    /// <summary>
    /// Renames or re-points an item. <paramref name="was"/> is the item as the editor's form showed it: when someone has
    /// changed it since, nothing is saved, so that a form opened earlier never puts back what another editor replaced.
    /// </summary>
    public async Task<MenuSaveResult> EditAsync(int id, string label, string href, (string Label, string Href)? was, Actor actor, CancellationToken ct = default)
    {
        (label, href) = ((label ?? "").Trim(), (href ?? "").Trim());
        var errors = Validate(label, href);
        if (errors.Count > 0) return new MenuSaveResult.Invalid(errors);
        var (result, menu) = await db.WriteAsync<(MenuSaveResult, string?)>(async c =>
        {
            // Two editors' saves of one item on two instances (PostgreSQL) take turns here, so the second sees the first's.
            await db.Database.LockAsync("menu-item:" + id.ToString(CultureInfo.InvariantCulture), c);
            var item = await db.MenuItems.SingleOrDefaultAsync(i => i.Id == id, c);
            if (item is null) return (new MenuSaveResult.NotFound(), null);
            // Already as typed (another editor saved the same): nothing to refuse, nothing to do.
            if (item.Label == label && item.Href == href) return (new MenuSaveResult.Saved(), null);
            if (was is { } shown && (shown.Label.Trim(), shown.Href.Trim()) != (item.Label, item.Href))
                return (new MenuSaveResult.ChangedMeanwhile(item.Label, item.Href), null);
            db.Audit(clock, actor, AuditActions.MenuItemEdited, AuditTargets.Menu(item.Menu, item.Culture), $"{item.Label} ({item.Href}) → {label} ({href})");
            (item.Label, item.Href) = (label, href);
            return (new MenuSaveResult.Saved(), item.Menu);
        }, ct);
        if (menu is not null) await ChangedAsync(menu, ct);
        return result;
    }

    /// <summary>Swaps the item with its neighbour before (<paramref name="up"/>) or after it. False when there is no such item.</summary>
    public async Task<bool> MoveAsync(int id, bool up, Actor actor, CancellationToken ct = default)
    {
        var menu = await db.WriteAsync(async c =>
        {
            var item = await db.MenuItems.SingleOrDefaultAsync(i => i.Id == id, c);
            if (item is null) return null;
            var siblings = await db.MenuItems.Where(i => i.Menu == item.Menu && i.Culture == item.Culture).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(c);
            var index = siblings.IndexOf(item);
            var other = up ? index - 1 : index + 1;
            if (other < 0 || other >= siblings.Count) return item.Menu;
            (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
            // Renumbered whole, so positions stay distinct whatever they were.
            for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i + 1;
            db.Audit(clock, actor, AuditActions.MenuItemMoved, AuditTargets.Menu(item.Menu, item.Culture), $"{item.Label} {(up ? "up" : "down")} to {other + 1}");
            return item.Menu;
        }, ct);
        if (menu is null) return false;
        await ChangedAsync(menu, ct);
        return true;
    }

    public async Task<bool> RemoveAsync(int id, Actor actor, CancellationToken ct = default)
    {
        var menu = await db.WriteAsync(async c =>
        {
            var item = await db.MenuItems.SingleOrDefaultAsync(i => i.Id == id, c);
            if (item is null) return null;
            db.MenuItems.Remove(item);
            db.Audit(clock, actor, AuditActions.MenuItemRemoved, AuditTargets.Menu(item.Menu, item.Culture), $"{item.Label} ({item.Href})");
            return item.Menu;
        }, ct);
        if (menu is null) return false;
        await ChangedAsync(menu, ct);
        return true;
    }

    /// <summary>The menus a new site starts with, in every language, labelled from the UI strings: what the layout used to hard-code.</summary>
    public static IEnumerable<MenuItem> Defaults()
    {
        (string Href, string Label)[] header =
            [("/statement", "Statement"), ("/updates", "Updates"), ("/faq", "FAQ"), ("/history", "History"), ("/testimonials", "Testimonials"), ("/join", "Join")];
        (string Href, string Label)[] footer = [.. header, (Privacy.PrivacyNotice.Path, "Privacy")];
        var strings = new ResourceManager("Khilafat.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        foreach (var culture in SiteCultures.All)
        {
            var ui = CultureInfo.GetCultureInfo(culture);
            foreach (var (menu, links) in new[] { (MenuNames.Header, header), (MenuNames.Footer, footer) })
                for (var i = 0; i < links.Length; i++)
                    yield return new MenuItem { Menu = menu, Culture = culture, Position = i + 1, Href = links[i].Href, Label = strings.GetString(links[i].Label, ui) ?? links[i].Label };
        }
    }

    private async Task ChangedAsync(string menu, CancellationToken ct)
    {
        // Every language: one that had no items of its own showed English's, which may just have changed.
        foreach (var culture in SiteCultures.All) memory.Remove(CacheKey(menu, culture));
        await outputCache.EvictPublicAsync(ct);
    }

    private static string CacheKey(string menu, string culture) => $"menus:{menu}:{culture}";
}
