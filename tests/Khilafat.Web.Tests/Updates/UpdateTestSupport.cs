using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Updates;

/// <summary>The site on a data folder the test names, for a restart on the same database.</summary>
public sealed class RestartedSiteFactory(string dataDirectory) : AdminSiteFactory(dataDirectory);

/// <summary>The site with its clock in Pakistan's time zone (UTC+5, no daylight saving).</summary>
public sealed class KarachiSiteFactory : AdminSiteFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new KeyValuePair<string, string?>("Site:TimeZone", "Asia/Karachi"));
}

/// <summary>Test data for updates, made through the app's own services, and the jobs run as the runner would.</summary>
public static class UpdateTestSupport
{
    public const string SaveButton = "button[formaction*='handler=Save']";
    public const string PublishButton = "button[formaction*='handler=Publish']";
    public const string DraftButton = "button[formaction*='handler=Draft']";

    public static string EditUrl(int id) => $"/admin/updates/edit/{id}";

    public static string TranslateUrl(int id, string culture) => $"/admin/updates/translate/{id}/{culture}";

    public static string HistoryUrl(int id) => $"/admin/updates/history/{id}";

    /// <summary>A title no other test uses, so its address (made from it) is its own.</summary>
    public static string NewTitle(string words) => $"{words} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates an update as an editor would; returns its id and address.</summary>
    public static async Task<(int Id, string Slug)> CreateUpdateAsync(this SiteFactory factory, string title, string body = "News of the week.",
        bool publish = true, bool showOnSite = true, string summary = "", DateTime? publishAt = null)
    {
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<UpdateEditor>()
            .CreateAsync(new TextInput(title, summary, body), new UpdateSettings(showOnSite, publishAt), publish, Actor.System));
        var saved = Assert.IsType<TextSaveResult.Saved>(result);
        var slug = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Updates.Where(u => u.Id == saved.ItemId).Select(u => u.Slug).SingleAsync());
        return (saved.ItemId, slug);
    }

    /// <summary>Saves (and publishes) a translation of update <paramref name="id"/>.</summary>
    public static async Task TranslateUpdateAsync(this SiteFactory factory, int id, string culture, string title, string body, bool publish = true)
    {
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<TextEditor>()
            .SaveAsync(UpdateEditor.Item(id, ""), culture, 0, new TextInput(title, "", body), publish ? TextChange.Publish : TextChange.Keep, Actor.System));
        Assert.IsType<TextSaveResult.Saved>(result);
    }

    /// <summary>The update as stored.</summary>
    public static Task<Update> StoredUpdateAsync(this SiteFactory factory, int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Updates.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>The publish job of update <paramref name="id"/>, if there is one.</summary>
    public static Task<Job?> PublishJobAsync(this SiteFactory factory, int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Kind == JobKinds.PublishUpdate && j.Key == UpdateEditor.Key(id)));
}
