using System.Text;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.Media;
using Khilafat.Web.Petitions;
using Khilafat.Web.Relief;
using Khilafat.Web.Updates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>
/// Every admin page an editor or admin opens, each with something in it, and the account pages met before signing in,
/// pass axe-core's WCAG 2.2 A and AA rules.
/// The pages are found from the app's own endpoints (as AdminAuthorizationTests finds them), so a page added later is
/// checked, or this test says which route value it needs.
/// </summary>
public class EveryAdminPageAxeTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    /// <summary>Pages whose GET is not a page to read: a download, or a redirect to a page checked anyway.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        ["/Admin/Subscribers/Export"] = "a CSV download",
        ["/Admin/Petitions/Export"] = "a CSV download",
        ["/Admin/Pages/Preview"] = "a POST only; its GET goes back to the list",
        ["/Admin/Subscribers/Welcome/Preview"] = "a POST only; its GET goes back to the welcome email",
    };

    [Fact]
    public async Task EveryAdminPage_WithSomethingInIt_PassesWcag22AA()
    {
        var ids = await SeedOneOfEachAsync();
        var pages = AdminPages(ids);
        Assert.True(pages.Count >= 60, $"Only {pages.Count} admin pages found: {string.Join(", ", pages)}");

        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        var report = new StringBuilder();
        foreach (var url in pages)
        {
            // A send's page reloads itself while the send runs; ?refresh=off is its own "Stop updating" link.
            var response = await page.GotoAsync(url.StartsWith("/admin/sends/", StringComparison.Ordinal) ? url + "?refresh=off" : url);
            if (response is not { Status: 200 })
            {
                report.Append($"{url}: answered {response?.Status} ({page.Url})\n");
                continue;
            }
            var violations = await page.AxeViolationsAsync(PageChecks.WcagTags);
            if (violations.Length > 0) report.Append($"{url}:\n{PageChecks.Describe(violations)}");
        }
        // The account pages before signing in: what an editor meets first, and when a password is lost.
        await using var anonymous = await site.NewContextAsync();
        var signedOut = await anonymous.NewPageAsync();
        foreach (var url in new[] { "/account/sign-in", "/account/forgot-password", "/account/reset-password" })
        {
            await signedOut.OpenAsync(url);
            var violations = await signedOut.AxeViolationsAsync(PageChecks.WcagTags);
            if (violations.Length > 0) report.Append($"{url}:\n{PageChecks.Describe(violations)}");
        }
        output.WriteLine($"Checked {pages.Count} admin pages and 3 account pages.");
        Assert.True(report.Length == 0, report.ToString());
    }

    /// <summary>Every admin page's address, its route values filled with the seeded items' ids.</summary>
    private List<string> AdminPages(IReadOnlyDictionary<string, string> ids)
    {
        var missing = new List<string>();
        var urls = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Page.ViewEnginePath.StartsWith("/Admin/", StringComparison.Ordinal)
                && !NotPages.ContainsKey(e.Page.ViewEnginePath)
                // An index page answers at its folder and at ".../Index" too: the one address is enough.
                && e.Endpoint.RoutePattern.RawText?.EndsWith("/Index", StringComparison.OrdinalIgnoreCase) != true)
            .Select(e => UrlOf(e.Endpoint.RoutePattern, e.Page!.ViewEnginePath))
            .Where(url => url is not null)
            .Select(url => url!)
            .Distinct()
            .OrderBy(url => url, StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "No seeded item for: " + string.Join(", ", missing));
        // The bulk delete's confirmation takes its testimonials from the query.
        urls.Add("/admin/testimonials/delete?ids=" + ids["Testimonials"]);
        return urls;

        string? UrlOf(RoutePattern pattern, string viewPath)
        {
            // "/Admin/Events/Rsvps" → "Events": the item the page is about.
            var folder = viewPath.Split('/')[2];
            var url = new StringBuilder();
            foreach (var segment in pattern.PathSegments)
            {
                url.Append('/');
                foreach (var part in segment.Parts)
                {
                    switch (part)
                    {
                        case RoutePatternLiteralPart literal: url.Append(literal.Content); break;
                        case RoutePatternSeparatorPart separator: url.Append(separator.Content); break;
                        case RoutePatternParameterPart { Name: "culture" }: url.Append("ar"); break;
                        case RoutePatternParameterPart { Default: not null } parameter: url.Append(parameter.Default); break;
                        case RoutePatternParameterPart { Name: "id" } when ids.TryGetValue(folder, out var id): url.Append(id); break;
                        case RoutePatternParameterPart parameter: missing.Add($"{pattern.RawText} ({viewPath}: {parameter.Name})"); return null;
                    }
                }
            }
            // Testimonials/Delete has no route value; it is added with its query above.
            return viewPath == "/Admin/Testimonials/Delete" ? null : url.ToString().ToLowerInvariant();
        }
    }

    /// <summary>One item of each kind the admin pages are about, published where it can be, keyed by the pages' folder.</summary>
    private async Task<Dictionary<string, string>> SeedOneOfEachAsync() => await site.WithScopeAsync(async sp =>
    {
        var actor = new Actor(null, "axe sweep");
        var db = sp.GetRequiredService<SiteDbContext>();
        var ids = new Dictionary<string, string>
        {
            ["Subscribers"] = (await db.Subscribers.Where(s => s.Email == "confirmed@example.org").Select(s => s.Id).SingleAsync()).ToString(),
            ["Testimonials"] = (await db.Testimonials.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()).ToString(),
            ["Users"] = (await sp.GetRequiredService<UserManager<SiteUser>>().FindByEmailAsync(site.AdminEmail))!.Id,
        };

        // Not the statement: it cannot be deleted, so its delete page is not found.
        var aboutPage = await sp.GetRequiredService<PageEditor>().CreateAsync("vigil-guide",
            new TextInput("How to hold a vigil", "Quietly, lawfully.", "Tell the police, keep the pavement clear, and leave nothing behind."), publish: true, actor);
        ids["Pages"] = Assert.IsType<TextSaveResult.Saved>(aboutPage).ItemId.ToString();
        Assert.IsType<TextSaveResult.Saved>(await sp.GetRequiredService<WelcomeEmail>().SaveAsync("en", 0,
            new TextInput("Welcome", "", "Thank you for joining the list."), TextChange.Publish, actor));

        var faq = await sp.GetRequiredService<FaqEditor>().CreateAsync(null,
            new TextInput("Is the movement peaceful?", "", "Yes. It calls for lawful, peaceful action only."), publish: true, actor);
        ids["Faq"] = Assert.IsType<TextSaveResult.Saved>(faq).ItemId.ToString();

        var update = await sp.GetRequiredService<UpdateEditor>().CreateAsync(
            new TextInput("Relief reaches the north", "The convoy arrived.", "The convoy **arrived** this morning."),
            new UpdateSettings(ShowOnSite: true, PublishAt: null), publish: true, actor);
        var updateId = Assert.IsType<TextSaveResult.Saved>(update).ItemId;
        ids["Updates"] = updateId.ToString();
        var (started, sendId) = await sp.GetRequiredService<UpdateSends>().StartAsync(updateId, SendAudience.Everyone, actor);
        Assert.Equal(SendStartResult.Started, started);
        ids["Sends"] = sendId.ToString();

        var petitions = sp.GetRequiredService<PetitionEditor>();
        var petition = Assert.IsType<TextSaveResult.Saved>(await petitions.CreateAsync(
            new TextInput("Open the crossings", "Let the aid through.", "We ask you to open the crossings."),
            new PetitionSettings("The Foreign Secretary", 100, null), publish: true, actor));
        Assert.Equal(PetitionStateChange.Done, await petitions.OpenAsync(petition.ItemId, actor));
        ids["Petitions"] = petition.ItemId.ToString();

        var start = site.Clock.GetUtcNow().UtcDateTime.AddDays(10);
        var vigil = await sp.GetRequiredService<EventEditor>().CreateAsync(
            new TextInput("A vigil for peace", "We gather in silence.", "Bring a candle."),
            new EventFields(start, start.AddHours(2), "Asia/Karachi", "Frere Hall, Karachi", null, 40, 3), publish: true, actor);
        ids["Events"] = Assert.IsType<TextSaveResult.Saved>(vigil).ItemId.ToString();

        var relief = await sp.GetRequiredService<ReliefDirectory>().AddAsync(
            new("Relief Example", "Food and water where they are most needed.", "Example Charity Register", "1000002", "https://relief.example.org/", 10), actor);
        ids["Relief"] = Assert.IsType<ReliefSaveResult.Saved>(relief).Id.ToString();

        using var photo = new MemoryStream(Photo());
        var image = await sp.GetRequiredService<MediaLibrary>().UploadAsync(photo, photo.Length, new AltTexts("A green field"), actor);
        ids["Media"] = Assert.IsType<UploadResult.Uploaded>(image).Id.ToString();
        return ids;
    });

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(0x2e, 0x5e, 0x4e));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
