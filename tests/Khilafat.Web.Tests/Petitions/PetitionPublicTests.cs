using System.Net;
using System.Xml.Linq;
using Khilafat.Web.Data;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Khilafat.Web.Tests.Petitions.PetitionTestSupport;

namespace Khilafat.Web.Tests.Petitions;

/// <summary>The petition's page in each language, share links, /act's list, the sitemap, and a crowd signing at once.</summary>
public class PetitionPublicTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Theory]
    [InlineData("ar", "rtl", "أوقفوا الحصار", "التوقيع", "وقّع هذه العريضة", "0 توقيع")]
    [InlineData("ur", "rtl", "محاصرہ ختم کرو", "دستخط", "اس پٹیشن پر دستخط کریں", "0 دستخط")]
    public async Task APetition_IsShownInArabicAndUrdu_AndSignedThere_WithTheEmailInThatLanguage(string culture, string dir, string title, string body, string signHeading, string count)
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Siege"), translations: (culture, title, body));
        var visitor = factory.CreateClient();

        var page = await visitor.GetDocumentAsync($"/{culture}/petitions/{slug}");

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(title, page.QuerySelector("h1")!.Text());
        Assert.Equal(body, page.QuerySelector(".prose")!.Text());
        Assert.Equal(signHeading, page.QuerySelector("#sign-heading")!.Text());
        Assert.Equal(count, page.QuerySelector(".petition-count")!.Text());
        // The addressee, typed once in English, is marked so: a screen reader reads it in English.
        var to = page.QuerySelector(".petition-to span")!;
        Assert.Equal((Recipient, "en"), (to.Text(), to.GetAttribute("lang")));
        Assert.Equal($"/{culture}/petitions/{slug}/sign", page.QuerySelector("#sign a.button")!.GetAttribute("href"));

        var email = Visitor.NewAddress(culture);
        await visitor.SignAndSeeThanksAsync(factory, slug, SignValues(email), prefix: "/" + culture);
        var stored = Assert.Single(await factory.SignaturesAsync(id));
        Assert.Equal(culture, stored.Language);
        Assert.Equal($"{PetitionConsentWording.Version}-{culture}", stored.Consent.Version);
        Assert.NotEqual(PetitionConsentWording.Text, stored.Consent.Text);
        var message = Assert.Single(await factory.SignatureEmailsAsync(email));
        Assert.Contains(title, message.Subject);
        Assert.StartsWith($"https://localhost/{culture}/petitions/confirm?token=", ConfirmUrl(message));
    }

    // Found by a review: an untranslated petition's Urdu address named itself canonical and an Urdu alternate, against
    // the sitemap; its closing time gave no zone, which a reader elsewhere would take for their own.
    [Fact]
    public async Task APetitionNotInUrdu_NamesItsEnglishAddress_AndItsClosingTimeSaysItsZone()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var closes = new DateTime(now.Year, now.Month, now.Day, 13, 0, 0, DateTimeKind.Utc).AddDays(40);
        var (_, slug) = await factory.CreatePetitionAsync(NewTitle("Zone"), closesAt: closes, translations: ("ar", "عريضة", "نص."));
        var client = factory.CreateClient();

        var urdu = await client.GetDocumentAsync($"/ur/petitions/{slug}");
        var arabic = await client.GetDocumentAsync($"/ar/petitions/{slug}");
        var english = await client.GetDocumentAsync($"/petitions/{slug}");

        Assert.EndsWith($"/petitions/{slug}", urdu.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("/ur/", urdu.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.EndsWith($"/ar/petitions/{slug}", arabic.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["en", "ar", "x-default"], urdu.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")));
        var closing = english.QuerySelector(".petition-closes")!;
        Assert.Equal($"Signing closes on {closes:d MMMM yyyy} 13:00 (UTC time, UTC+00:00).", closing.Text());
        Assert.Equal(closes.ToString("yyyy-MM-dd'T'13:00:00'Z'"), closing.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task TheArabicCount_TakesTheFormArabicGivesItsNumber()
    {
        var (_, slug) = await factory.CreatePetitionAsync(NewTitle("Counted"), translations: ("ar", "عريضة", "نص"));
        var visitor = factory.CreateClient();
        for (var i = 0; i < 3; i++) await visitor.SignAndConfirmAsync(factory, slug, SignValues(Visitor.NewAddress("counted" + i)));

        // Asked for the first time now, so not from the page's short cache.
        Assert.Equal("3 توقيعات", await factory.CreateClient().CountShownAsync(slug, "/ar"));
        Assert.Equal("3 signatures", await factory.CreateClient().CountShownAsync(slug));
    }

    [Fact]
    public async Task ThePetitionsTitle_InTheHeadingOfAnArabicSigningForm_IsMarkedEnglish_UntilItIsTranslated()
    {
        var title = NewTitle("Open the crossings");
        var (_, slug) = await factory.CreatePetitionAsync(title);
        var (_, translatedSlug) = await factory.CreatePetitionAsync(NewTitle("Translated"), translations: ("ar", "افتحوا المعابر", "نص"));
        var visitor = factory.CreateClient();

        var english = (await visitor.GetDocumentAsync($"/ar/petitions/{slug}/sign")).QuerySelector("h1")!;
        var arabic = (await visitor.GetDocumentAsync($"/ar/petitions/{translatedSlug}/sign")).QuerySelector("h1")!;

        Assert.Equal($"توقيع: {title}", english.Text());
        Assert.Equal((title, "en", "ltr"), (english.QuerySelector("span")!.Text(), english.QuerySelector("span")!.GetAttribute("lang"), english.QuerySelector("span")!.GetAttribute("dir")));
        Assert.Equal("توقيع: افتحوا المعابر", arabic.Text());
        Assert.Null(arabic.QuerySelector("[lang]"));
    }

    [Fact]
    public async Task ShareLinks_ArePlainLinks_AndThePageLoadsNothingFromOtherSites()
    {
        var (_, slug) = await factory.CreatePetitionAsync(NewTitle("Share me"));
        using var response = await factory.CreateClient().GetAsync($"/petitions/{slug}");
        var page = await response.ReadDocumentAsync();

        var links = page.QuerySelectorAll(".petition-share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.StartsWith("mailto:?subject="));
        Assert.Contains(links, l => l.StartsWith("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Flocalhost%2Fpetitions%2F" + slug));
        Assert.Contains(links, l => l.StartsWith("https://x.com/intent/tweet?"));
        // Nothing from elsewhere is loaded: every script, style, image and frame is the site's own.
        Assert.All(page.QuerySelectorAll("script[src], link[href], img[src], iframe"), e =>
            Assert.DoesNotMatch("^(https?:)?//(?!localhost)", e.GetAttribute("src") ?? e.GetAttribute("href") ?? ""));
    }

    [Fact]
    public async Task Drafts_AreNotFound_AndOpenAsync_ListsOnlyOpenPetitions_WhichTheSitemapHasToo()
    {
        var (_, open) = await factory.CreatePetitionAsync(NewTitle("Listed"), translations: ("ar", "مدرجة", "نص"));
        var (_, draft) = await factory.CreatePetitionAsync(NewTitle("Draft"), open: false);
        var (closedId, closed) = await factory.CreatePetitionAsync(NewTitle("Closed"));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<PetitionEditor>().CloseAsync(closedId, Khilafat.Web.Audit.Actor.System));

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/petitions/{draft}")).StatusCode);
        var listed = await factory.WithScopeAsync(sp => sp.GetRequiredService<PetitionReader>().OpenAsync("ar"));
        Assert.Contains(listed, p => p.Slug == open && p.Title == "مدرجة" && !p.IsFallback);
        Assert.DoesNotContain(listed, p => p.Slug == draft || p.Slug == closed);

        // /act lists them (cached seconds, as the petition pages are), in the reader's language.
        var act = await factory.CreateClient().GetDocumentAsync("/ar/act");
        var section = act.QuerySelector("section[aria-labelledby='petitions-heading']")!;
        Assert.Equal("وقّع عريضة", section.QuerySelector("h2")!.Text());
        Assert.Contains("مدرجة", section.QuerySelectorAll("h3").Select(h => h.Text()));
        Assert.NotNull(section.QuerySelector($"a[href='/ar/petitions/{open}']"));
        Assert.NotNull(section.QuerySelector("progress"));
        Assert.Empty(section.QuerySelectorAll($"a[href*='{draft}'], a[href*='{closed}']"));

        var sitemap = XDocument.Parse(await factory.CreateClient().GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains($"https://localhost/petitions/{open}", locations);
        Assert.Contains($"https://localhost/ar/petitions/{open}", locations);
        Assert.Contains($"https://localhost/petitions/{closed}", locations);
        Assert.DoesNotContain(locations, l => l.Contains(draft));
    }

    // Found by a review: /petitions answered 404, and a petition once closed was listed nowhere: its final count and its
    // delivery could be found only by someone who kept its address.
    [Fact]
    public async Task Petitions_ListsTheOpenOnes_ThenTheClosedAndDeliveredOnesWithTheirFinalCounts_InTheReadersLanguage()
    {
        var (_, open) = await factory.CreatePetitionAsync(NewTitle("Still open"), translations: ("ar", "ما زالت مفتوحة", "نص"));
        var (_, draft) = await factory.CreatePetitionAsync(NewTitle("Never opened"), open: false);
        var (closedId, closed) = await factory.CreatePetitionAsync(NewTitle("Ended"));
        var (deliveredId, delivered) = await factory.CreatePetitionAsync(NewTitle("Handed in"));
        await factory.CreateClient().SignAndConfirmAsync(factory, closed, SignValues(Visitor.NewAddress("ended")));
        await factory.WithScopeAsync(async sp =>
        {
            var editor = sp.GetRequiredService<PetitionEditor>();
            Assert.Equal(PetitionStateChange.Done, await editor.CloseAsync(closedId, Khilafat.Web.Audit.Actor.System));
            Assert.Equal(PetitionStateChange.Done, await editor.CloseAsync(deliveredId, Khilafat.Web.Audit.Actor.System));
            Assert.Equal(PetitionStateChange.Done, await editor.DeliverAsync(deliveredId, "Handed in at the ministry.", Khilafat.Web.Audit.Actor.System));
        });
        var day = factory.Clock.GetUtcNow().UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));

        var page = await factory.CreateClient().GetDocumentAsync("/petitions");

        Assert.Equal("Petitions", page.QuerySelector("h1")!.Text());
        var openSection = page.QuerySelector("section[aria-labelledby='open-heading']")!;
        Assert.NotNull(openSection.QuerySelector($"a[href='/petitions/{open}']"));
        Assert.NotNull(openSection.QuerySelector("progress"));
        Assert.Empty(openSection.QuerySelectorAll($"a[href*='{closed}'], a[href*='{delivered}']"));
        var ended = page.QuerySelector("section[aria-labelledby='ended-heading']")!;
        Assert.Equal("Closed petitions", ended.QuerySelector("h2")!.Text());
        var closedItem = ended.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/petitions/{closed}']") is not null);
        Assert.Equal($"Closed on {day} with 1 signature.", closedItem.QuerySelector(".petition-outcome-line")!.Text());
        var deliveredItem = ended.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/petitions/{delivered}']") is not null);
        Assert.Equal($"Delivered on {day} with 0 signatures.", deliveredItem.QuerySelector(".petition-outcome-line")!.Text());
        Assert.Empty(page.QuerySelectorAll($"main a[href*='{draft}']"));

        // In Arabic: its words, the translated title, and the untranslated ones marked as English.
        var arabic = await factory.CreateClient().GetDocumentAsync("/ar/petitions");
        Assert.Equal("العرائض", arabic.QuerySelector("h1")!.Text());
        Assert.Equal("ما زالت مفتوحة", arabic.QuerySelector($"a[href='/ar/petitions/{open}']")!.Text());
        var closedHeading = arabic.QuerySelector($"a[href='/ar/petitions/{closed}']")!.ParentElement!;
        Assert.Equal(("en", "ltr"), (closedHeading.GetAttribute("lang"), closedHeading.GetAttribute("dir")));
        Assert.StartsWith("أُغلقت في ", arabic.QuerySelectorAll(".petition-outcome-line").Single(p => p.ParentElement!.Contains(closedHeading)).Text());

        // Found from a petition's page, from /act, and by search engines.
        var petitionPage = await factory.CreateClient().GetDocumentAsync($"/ur/petitions/{closed}");
        Assert.Equal("تمام پٹیشنز", petitionPage.QuerySelector("main a[href='/ur/petitions']")!.Text());
        Assert.NotNull((await factory.CreateClient().GetDocumentAsync("/act")).QuerySelector("section[aria-labelledby='petitions-heading'] a[href='/petitions']"));
        var sitemap = XDocument.Parse(await factory.CreateClient().GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://localhost/petitions", locations);
        Assert.Contains("https://localhost/ur/petitions", locations);
    }

    // Found by a review: /act linked /petitions only beside open petitions, so once the last one closed, nothing led to
    // the closed ones' results.
    [Fact]
    public async Task Act_LinksThePetitions_WhenNoneIsOpen_AndSaysNothingOfThemBeforeThereAreAny()
    {
        await using var site = new SiteFactory();
        Assert.Null((await site.CreateClient().GetDocumentAsync("/act")).QuerySelector("section[aria-labelledby='petitions-heading']"));
        var (id, _) = await site.CreatePetitionAsync(NewTitle("The last one"));
        await site.WithScopeAsync(async sp => Assert.Equal(PetitionStateChange.Done, await sp.GetRequiredService<PetitionEditor>().CloseAsync(id, Khilafat.Web.Audit.Actor.System)));

        var act = await site.CreateClient().GetDocumentAsync("/ur/act");

        var section = act.QuerySelector("section[aria-labelledby='petitions-heading']")!;
        Assert.Equal("پٹیشنز", section.QuerySelector("h2")!.Text());
        Assert.Equal("اس وقت کوئی پٹیشن دستخط کے لیے کھلی نہیں ہے۔", section.QuerySelector("p")!.Text());
        Assert.Equal("تمام پٹیشنز", section.QuerySelector("a[href='/ur/petitions']")!.Text());
    }

    [Fact]
    public async Task TwoHundredConcurrentSignatures_OfDistinctPeople_AreAllCountedExactly()
    {
        var (id, slug) = await factory.CreatePetitionAsync(NewTitle("Crowd"), goal: 1000);
        var prefix = "crowd-" + Guid.NewGuid().ToString("N")[..8];
        var emails = Enumerable.Range(0, 200).Select(i => $"{prefix}-{i}@example.org").ToList();
        var client = factory.CreateNonRedirectingClient();
        var url = $"/petitions/{slug}/sign";
        var form = await client.GetDocumentAsync(url);
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stamp = form.QuerySelector("main form input[name='Input.FormStamp']")!.GetAttribute("value")!;
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var start = new SemaphoreSlim(0);

        var posts = emails.Select(async (email, i) =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.FormStamp"] = stamp, ["Input.Email"] = email, ["Input.Name"] = $"Signer {i}",
                ["Input.Country"] = "GB", ["Input.Consent"] = "true",
            }));
            return (email, response.StatusCode, response.Headers.Location?.OriginalString);
        }).ToList();
        start.Release(emails.Count);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Redirect && a.OriginalString == $"/petitions/{slug}/thanks", $"{a.email}: {(int)a.StatusCode} {a.OriginalString}"));
        // Every confirmation link at once too: each confirms its own signature.
        Assert.Equal(200, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.CountAsync(m => m.To.StartsWith(prefix))));
        var delivered = await Poll.UntilAsync(() => Task.FromResult(factory.Smtp.Received().Select(Mailbox.Parse)
            .Where(m => m.To.Mailboxes.Any(to => to.Address.StartsWith(prefix))).ToList()), m => m.Count >= 200, "200 confirmations", TimeSpan.FromSeconds(60));
        var confirmations = delivered.Select(m => Mailbox.PathAndQuery(ConfirmUrl(m))).ToList();
        var confirmForm = await client.GetDocumentAsync(confirmations[0]);
        var confirmToken = confirmForm.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var go = new SemaphoreSlim(0);
        var confirms = confirmations.Select(async link =>
        {
            await go.WaitAsync();
            using var response = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = confirmToken, ["Token"] = Mailbox.TokenOf("https://localhost" + link)!,
            }));
            return response.StatusCode;
        }).ToList();
        go.Release(confirmations.Count);
        Assert.All(await Task.WhenAll(confirms), status => Assert.Equal(HttpStatusCode.Redirect, status));

        var signatures = await factory.SignaturesAsync(id);
        Assert.Equal(emails.Order(), signatures.Select(s => s.Email!).Order());
        Assert.All(signatures, s => Assert.Equal(SignatureStatus.Confirmed, s.Status));
        Assert.Equal("200 signatures", await factory.CreateClient().CountShownAsync(slug));
        var errors = factory.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
