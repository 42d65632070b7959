using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Localization;

/// <summary>
/// The language switchers (header and footer) lead to the same page in the other language, its query kept so a link
/// from an email still works there, and are left out of pages that have one language only.
/// </summary>
public class LanguageSwitcherTests(PickupFolderFactory factory) : IClassFixture<PickupFolderFactory>
{
    private static readonly string[] Switchers = ["nav.language-switcher a", "nav.footer-languages a"];

    [Fact]
    public async Task OnAConfirmOrUnsubscribePage_TheSwitcherKeepsTheToken_AndTheOtherLanguageWorks()
    {
        var client = factory.CreateClient();
        using var joined = await client.SubmitFormAsync("/join", Html.Values(("Input.Email", "switching.reader@example.org"), ("Input.Consent", "true")));
        var mail = await Mailbox.WaitForEmailInFolderAsync(factory.PickupFolder, "switching.reader@example.org");
        var links = Html.Parse(mail.HtmlBody!).QuerySelectorAll("a").Select(a => new Uri(a.GetAttribute("href")!)).ToList();
        var confirm = links.Single(l => l.AbsolutePath == "/join/confirm");
        var unsubscribe = links.Single(l => l.AbsolutePath == "/unsubscribe");

        foreach (var link in new[] { confirm, unsubscribe })
        {
            var page = await client.GetDocumentAsync(link.PathAndQuery);
            foreach (var switcher in Switchers)
            {
                Assert.Equal([link.PathAndQuery, "/ar" + link.PathAndQuery, "/ur" + link.PathAndQuery],
                    page.QuerySelectorAll(switcher).Select(a => a.GetAttribute("href")));
            }
        }

        var arabicConfirm = await client.GetDocumentAsync("/ar" + confirm.PathAndQuery);
        Assert.Equal("أكِّد اشتراكك", arabicConfirm.QuerySelector("h1")!.Text());
        using var confirmed = await client.SubmitAsync(arabicConfirm.Form(), "/ar" + confirm.PathAndQuery);
        Assert.Equal("/ar/join/confirmed", confirmed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    // Found by a review: a cached page kept the query of whoever asked first in its switcher's links, and served it to
    // everyone for an hour (a tracking id one reader came with, or words a stranger put in a link).
    [Fact]
    public async Task ACachedPage_KeepsOnlyTheQueryItsEntryVariesBy_NotTheFirstVisitors()
    {
        // The first visitor's request is the one rendered and stored.
        await Khilafat.Web.Content.OutputCacheTags.EvictPublicAsync(factory.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
        var client = factory.CreateClient();
        using (await client.GetAsync("/faq?fbclid=first-reader&q=planted")) { }
        using (await client.GetAsync("/updates?page=1&fbclid=first-reader")) { }

        var faq = await factory.CreateClient().GetDocumentAsync("/faq");
        var updates = await factory.CreateClient().GetDocumentAsync("/updates?page=1");

        foreach (var switcher in Switchers)
        {
            Assert.Equal(["/faq", "/ar/faq", "/ur/faq"], faq.QuerySelectorAll(switcher).Select(a => a.GetAttribute("href")));
            Assert.Equal(["/updates?page=1", "/ar/updates?page=1", "/ur/updates?page=1"], updates.QuerySelectorAll(switcher).Select(a => a.GetAttribute("href")));
        }
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgot-password")]
    public async Task SignInPages_HaveNoSwitcher_AndNoAlternateLanguages(string path)
    {
        var page = await factory.CreateClient().GetDocumentAsync(path);

        Assert.Empty(page.QuerySelectorAll("nav.language-switcher, nav.footer-languages"));
        Assert.Empty(page.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task SetupPage_HasNoSwitcher()
    {
        await using var setupSite = new AdminSiteFactory();
        var token = setupSite.Services.GetRequiredService<SetupToken>().Value;

        var page = await setupSite.CreateClient().GetDocumentAsync("/setup?token=" + token);

        Assert.NotNull(page.QuerySelector("form input[name='Input.Email']"));
        Assert.Empty(page.QuerySelectorAll("nav.language-switcher, nav.footer-languages"));
    }

    [Fact]
    public async Task AdminPreviewOfAPage_HasNoSwitcher()
    {
        var (editor, _) = await factory.EditorAsync();

        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", "Switcher preview"), ("Input.Body", "Unsaved words.")), submitter: "button[formaction='/admin/pages/preview']");
        var preview = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Switcher preview", preview.QuerySelector("article h1")!.Text());
        Assert.Empty(preview.QuerySelectorAll("nav.language-switcher, nav.footer-languages"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/statement")]
    [InlineData("/ar/faq")]
    [InlineData("/ur/history")]
    [InlineData("/testimonials?page=1")]
    [InlineData("/ar/join")]
    [InlineData("/ur/testimonials/share")]
    [InlineData("/updates")]
    [InlineData("/act")]
    [InlineData("/ar/privacy")]
    public async Task EverySwitcherLink_OnAPublicPage_Answers(string path)
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync(path);

        var hrefs = Switchers.SelectMany(s => page.QuerySelectorAll(s)).Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Equal(3, hrefs.Count);
        foreach (var href in hrefs)
        {
            using var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The switcher on {path} leads to {href}, which answers {(int)response.StatusCode}.");
        }
    }
}
