using Khilafat.Web.Testimonials;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Testimonials;

public class DisplayTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task SeededTestimonial_FromAmina_IsApprovedFeaturedAndShownWithFiveStars_WhenEditorsShowRatings()
    {
        // Its own site: the ratings setting is site-wide.
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/testimonials" })
        {
            var page = await client.GetDocumentAsync(path);
            var amina = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == "Amina");
            Assert.StartsWith("Joining Khilafat has empowered me to stand against injustice", amina.QuerySelector("blockquote")!.Text());
            // By default the rating is a moderation signal only.
            Assert.Null(amina.QuerySelector(".stars"));
            Assert.NotNull(amina.QuerySelector("time[datetime]"));
        }

        await factory.ShowTestimonialRatingsAsync(true);

        foreach (var path in new[] { "/", "/testimonials" })
        {
            var page = await client.GetDocumentAsync(path);
            var amina = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == "Amina");
            Assert.Equal("5 out of 5 stars", amina.QuerySelector(".stars")!.GetAttribute("aria-label"));
            Assert.Equal("img", amina.QuerySelector(".stars")!.GetAttribute("role"));
        }
        var arabic = await client.GetDocumentAsync("/ar/testimonials");
        Assert.Equal("5 من 5 نجوم", arabic.QuerySelector("figure.testimonial .stars")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task AnAdmin_TurnsOnPublicRatings_InTheSettings_AndTheHomePageShowsStars()
    {
        await using var site = new AdminSiteFactory();
        var (admin, email) = await site.SignedInClientAsync(Khilafat.Web.Accounts.Roles.Admin);
        var visitor = site.CreateClient();
        Assert.Null((await visitor.GetDocumentAsync("/")).QuerySelector("figure.testimonial .stars"));

        var settings = await admin.GetDocumentAsync("/admin/settings");
        Assert.False(settings.QuerySelector("input[name='ShowTestimonialRatings'][type=checkbox]")!.HasAttribute("checked"));
        using var saved = await admin.SubmitAsync(settings.Form(), "/admin/settings", Html.Values(("ShowTestimonialRatings", "true")));

        Assert.NotNull((await visitor.GetDocumentAsync("/")).QuerySelector("figure.testimonial .stars[role=img]"));
        var change = Assert.Single(await site.AuditEntriesAsync(), e => e.Target == Khilafat.Web.Settings.SettingKeys.ShowTestimonialRatings);
        Assert.Equal(email, change.ActorName);
    }

    [Fact]
    public async Task List_ShowsFeaturedFirstThenNewest_TenAPage_WithPagingLinks()
    {
        // Its own site: the order depends on every testimonial there is.
        await using var factory = new SiteFactory();
        var start = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        for (var i = 1; i <= 12; i++) await factory.AddAsync($"Paged {i:00}", TestimonialStatus.Approved, submittedAt: start.AddHours(i));
        await factory.AddAsync("Paged Featured Old", TestimonialStatus.Approved, featured: true, submittedAt: start);
        var client = factory.CreateClient();

        var first = await client.GetDocumentAsync("/testimonials");
        var names = first.QuerySelectorAll("figure.testimonial .who").Select(w => w.Text()).ToList();

        Assert.Equal(10, names.Count);
        Assert.Equal(["Amina", "Paged Featured Old"], names.Take(2));
        Assert.Equal("Paged 12", names[2]);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/testimonials?page=2", next);

        var second = await client.GetDocumentAsync(next!);
        var rest = second.QuerySelectorAll("figure.testimonial .who").Select(w => w.Text()).ToList();
        Assert.Contains("Paged 01", rest);
        Assert.DoesNotContain(rest, names.Contains);
        Assert.Equal("/testimonials", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RejectedAndSpam_NeverShow()
    {
        await factory.AddAsync("Rejected Words", TestimonialStatus.Rejected, featured: true);
        await factory.AddAsync("Spam Words", TestimonialStatus.Spam, featured: true);
        var client = factory.CreateClient();

        foreach (var path in new[] { "/", "/testimonials", "/testimonials?page=2" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("Rejected Words", html);
            Assert.DoesNotContain("Spam Words", html);
        }
    }

    [Fact]
    public async Task Text_IsPlain_WithLineBreaksKept()
    {
        await factory.AddAsync("Line Breaker", TestimonialStatus.Approved, featured: true, text: "First line of my words.\nSecond line, with *stars* and <b>tags</b>.");

        var page = await factory.CreateClient().GetDocumentAsync("/");
        var quote = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == "Line Breaker").QuerySelector("blockquote")!;

        Assert.Equal("First line of my words.\nSecond line, with *stars* and <b>tags</b>.", quote.TextContent);
        Assert.Empty(quote.Children);
    }

    [Fact]
    public async Task HomePage_ShowsAtMostThreeFeatured()
    {
        for (var i = 0; i < 4; i++) await factory.AddAsync($"Featured Many {i}", TestimonialStatus.Approved, featured: true);

        var page = await factory.CreateClient().GetDocumentAsync("/");

        Assert.Equal(3, page.QuerySelectorAll(".featured-testimonials figure.testimonial").Length);
    }
}
