using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>
/// The narrowest phone WCAG's reflow asks for (320 CSS px), with the browser's text set larger (125%), as people who
/// read with large text have it: no page scrolls sideways, in three languages, whatever a testimonial holds; the
/// translators' side-by-side form fits too.
/// </summary>
public class LargeTextTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    private const int Width = 320;
    private const string LongWord = "#JusticeForTheOppressedEverywhereAndAlways";

    private async Task<IPage> PhoneWithLargeTextAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        // As a browser's "large text" setting does: the root font size, which every rem follows (set through the DOM,
        // which the site's CSP allows, unlike a style element).
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '125%'; return document.fonts.ready.then(() => true); }");
        return page;
    }

    private async Task AssertFitsAsync(IPage page, string path)
    {
        var scrollWidth = await page.ScrollWidthAsync();
        if (scrollWidth > Width) await page.SaveScreenshotAsync(output, "large-text-overflow" + path.Replace('/', '-'));
        Assert.True(scrollWidth <= Width, $"{path} is {scrollWidth} px wide on a {Width} px screen. Sticking out: {await page.OverflowingElementsAsync(Width)}");
    }

    [Fact]
    public async Task PublicPages_WithLargeText_OnTheNarrowestPhone_DoNotScrollSideways()
    {
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = site.Clock.GetUtcNow().UtcDateTime;
            db.Testimonials.Add(new Testimonial
            {
                DisplayName = "Hashtag Writer", Place = "Lahore", Rating = 5, Status = TestimonialStatus.Approved, IsFeatured = true,
                OriginalText = $"We stood together in peace. {LongWord} and write to supporter.name@example.org for more.",
                SubmittedAt = now, ModeratedAt = now, ConsentVersion = TestimonialConsent.Version, ConsentText = TestimonialConsent.Text, ConsentGivenAt = now,
            });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IOutputCacheStore>().EvictPublicAsync();
            return 0;
        });
        await using var context = await site.NewContextAsync(width: Width, height: 640);
        foreach (var path in new[] { "/", "/testimonials", "/ar", "/ar/statement", "/ar/testimonials", "/ur/history", "/faq" })
        {
            var page = await PhoneWithLargeTextAsync(context, path);
            await page.OpenEveryAnswerAsync();
            await AssertFitsAsync(page, path);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task TheTranslatorsSideBySideForm_OnTheNarrowestPhone_DoesNotScrollSideways()
    {
        await using var context = await site.NewContextAsync(width: Width, height: 640, storageState: await site.AdminStateAsync());
        var path = $"/admin/pages/translate/{site.StatementId}/ar";
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await AssertFitsAsync(page, path);
    }
}
