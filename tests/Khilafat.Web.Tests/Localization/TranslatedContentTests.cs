using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Localization;

/// <summary>Pages and FAQ entries translated beside their English original, each with its own state and revisions.</summary>
public class TranslatedContentTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private Task<int> PageIdAsync(string slug) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task AnUntranslatedPage_ShowsInEnglish_MarkedAsEnglish_WithANoticeInTheReadersLanguage()
    {
        // The relief criteria are seeded in English only (the statement, history and FAQ have seeded translations).
        var page = await factory.CreateClient().GetDocumentAsync("/ur/how-we-choose");

        Assert.Equal("اس صفحے کا ابھی اس زبان میں ترجمہ نہیں ہوا۔ یہاں یہ انگریزی میں ہے۔", page.QuerySelector(".notice")!.Text());
        var english = page.QuerySelector("article [lang=en]")!;
        Assert.Equal("ltr", english.GetAttribute("dir"));
        Assert.Equal("How we choose relief organisations", english.QuerySelector("h1")!.Text());
        Assert.Contains("It is registered.", english.QuerySelector(".prose")!.Text());
    }

    [Fact]
    public async Task APublishedTranslation_IsWhatThatLanguageShows_AndADraftIsNot()
    {
        var id = await PageIdAsync("how-we-choose");
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var editPage = await editor.GetDocumentAsync($"/admin/pages/edit/{id}");
        Assert.NotNull(editPage.QuerySelector($"a[href='/admin/pages/translate/{id}/ar']"));

        var form = await editor.GetDocumentAsync($"/admin/pages/translate/{id}/ar");
        Assert.Equal("rtl", form.QuerySelector("textarea[name='Input.Body']")!.GetAttribute("dir"));
        Assert.Equal("ar", form.QuerySelector("textarea[name='Input.Body']")!.GetAttribute("lang"));
        Assert.Contains("It is registered.", form.QuerySelector(".original textarea")!.TextContent);

        using var draft = await editor.SubmitAsync(form.Form(), $"/admin/pages/translate/{id}/ar",
            Html.Values(("Input.Title", "كيف نختار منظمات الإغاثة"), ("Input.Summary", "ملخص"), ("Input.Body", "فقرة **مترجمة**.")),
            submitter: "button[formaction*='handler=Save']");
        Assert.Equal("Draft saved.", (await draft.ReadDocumentAsync()).QuerySelector(".status")!.Text());
        var visitor = factory.CreateClient();
        Assert.NotNull((await visitor.GetDocumentAsync("/ar/how-we-choose")).QuerySelector(".notice"));

        var again = await editor.GetDocumentAsync($"/admin/pages/translate/{id}/ar");
        using var published = await editor.SubmitAsync(again.Form(), $"/admin/pages/translate/{id}/ar", submitter: "button[formaction*='handler=Publish']");

        // An editor's own translation: no notice, neither "untranslated" nor "awaits review", and its own canonical address.
        var arabic = await visitor.GetDocumentAsync("/ar/how-we-choose");
        Assert.Null(arabic.QuerySelector(".notice"));
        Assert.Equal("كيف نختار منظمات الإغاثة", arabic.QuerySelector("h1")!.Text());
        Assert.Equal("مترجمة", arabic.QuerySelector(".prose strong")!.Text());
        Assert.Null(arabic.QuerySelector("article [lang=en]"));
        Assert.Equal("https://localhost/ar/how-we-choose", arabic.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        // The other languages are untouched.
        Assert.Equal("How we choose relief organisations", (await visitor.GetDocumentAsync("/how-we-choose")).QuerySelector("h1")!.Text());
        Assert.NotNull((await visitor.GetDocumentAsync("/ur/how-we-choose")).QuerySelector(".notice"));

        var history = await editor.GetDocumentAsync($"/admin/pages/history/{id}?culture=ar");
        Assert.Equal(["2", "1"], history.QuerySelectorAll("tbody th[scope=row]").Select(th => th.Text()));
        Assert.Contains("Published", history.QuerySelector("tbody tr")!.Text());
        var englishHistory = await editor.GetDocumentAsync($"/admin/pages/history/{id}");
        Assert.DoesNotContain(englishHistory.QuerySelectorAll("tbody td"), td => td.Text().Contains("Translat"));
    }

    [Fact]
    public async Task TwoTranslatorsSavingTheSameTranslation_TheSecondIsToldAndNothingIsOverwritten()
    {
        var id = await PageIdAsync("history");
        var (first, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (second, _) = await factory.SignedInClientAsync(Roles.Editor);
        var firstForm = await first.GetDocumentAsync($"/admin/pages/translate/{id}/ur");
        var secondForm = await second.GetDocumentAsync($"/admin/pages/translate/{id}/ur");

        await first.SubmitAsync(firstForm.Form(), $"/admin/pages/translate/{id}/ur",
            Html.Values(("Input.Title", "تاریخ میں خلافت"), ("Input.Body", "پہلا ترجمہ")), submitter: "button[formaction*='handler=Save']");
        using var conflict = await second.SubmitAsync(secondForm.Form(), $"/admin/pages/translate/{id}/ur",
            Html.Values(("Input.Title", "خلافت کی تاریخ"), ("Input.Body", "دوسرا ترجمہ")), submitter: "button[formaction*='handler=Save']");

        var page = await conflict.ReadDocumentAsync();
        Assert.Contains("after you opened it", page.QuerySelector(".error-summary")!.Text());
        Assert.Contains("تاریخ میں خلافت", page.QuerySelector(".conflict")!.Text());
        var stored = (await factory.PageAsync(id, "ur"))!;
        Assert.Equal("پہلا ترجمہ", stored.Body);
    }

    [Fact]
    public async Task ATranslatedFaqEntry_ShowsInItsLanguage_AndTheOthersInEnglish()
    {
        var entryId = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().FaqEntries.Where(f => f.Anchor == "how-can-i-help").Select(f => f.Id).SingleAsync());
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        // The seeded questions are all translated: a new one is in English only.
        using var added = await editor.SubmitFormAsync("/admin/faq/create",
            Html.Values(("Input.Question", "Where do supporters meet?"), ("Input.Answer", "Online, every Friday.")));
        var faqAdmin = await editor.GetDocumentAsync("/admin/faq");
        Assert.NotNull(faqAdmin.QuerySelector($"a[href='/admin/faq/translate/{entryId}/ar']"));

        using var saved = await editor.SubmitFormAsync($"/admin/faq/translate/{entryId}/ar",
            Html.Values(("Input.Question", "كيف يمكنني المساعدة؟"), ("Input.Answer", "يمكنك المساعدة بنشر الوعي."), ("Input.IsPublished", "true")));

        var page = await factory.CreateClient().GetDocumentAsync("/ar/faq");
        var help = page.GetElementById("how-can-i-help")!;
        Assert.Equal("كيف يمكنني المساعدة؟", help.QuerySelector("h2")!.Text());
        Assert.Equal("يمكنك المساعدة بنشر الوعي.", help.QuerySelector(".faq-answer")!.Text());
        Assert.Null(help.GetAttribute("lang"));
        Assert.Null(help.QuerySelector(".notice"));
        var meet = page.GetElementById("where-do-supporters-meet")!;
        Assert.Equal("en", meet.GetAttribute("lang"));
        Assert.Equal("ltr", meet.GetAttribute("dir"));
        Assert.Equal("Where do supporters meet?", meet.QuerySelector("h2")!.Text());
        // Every untranslated answer carries the notice, in the reader's language.
        var notice = meet.QuerySelector(".notice")!;
        Assert.Equal("لم يُترجم هذا النص إلى هذه اللغة بعد، وهو معروض هنا بالإنجليزية.", notice.Text());
        Assert.Equal("ar", notice.GetAttribute("lang"));
        Assert.Equal("rtl", notice.GetAttribute("dir"));
        Assert.Equal("كيف يمكنني الانضمام؟", page.GetElementById("how-can-i-join")!.QuerySelector("h2")!.Text());
        Assert.Equal("How can I help?", (await factory.CreateClient().GetDocumentAsync("/faq")).GetElementById("how-can-i-help")!.QuerySelector("h2")!.Text());
    }

    [Fact]
    public async Task ATestimonialKeepsItsLanguage_AndShowsRightToLeftOnEveryLanguagesPage()
    {
        var client = factory.CreateClient();
        var form = await client.GetDocumentAsync("/ar/testimonials/share");
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var sent = await client.SubmitAsync(form.Form(), "/ar/testimonials/share", Html.Values(
            ("Input.DisplayName", "فاطمة"), ("Input.Place", "القاهرة"), ("Input.Rating", "5"),
            ("Input.Text", "علّمتني الحركة أن الرحمة قوة، وأن العمل السلمي طريق العدالة."), ("Input.Consent", "true")));
        Assert.Equal("/ar/testimonials/thanks", sent.RequestMessage!.RequestUri!.AbsolutePath);

        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().SingleAsync(t => t.DisplayName == "فاطمة"));
        Assert.Equal("ar", stored.Language);
        Assert.StartsWith("أوافق", stored.ConsentText);
        Assert.Equal("testimonial-2026-11-ar", stored.ConsentVersion);
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        await editor.SubmitFormAsync("/admin/testimonials?status=Pending", submitter: $"button[name=row][value='Approve:{stored.Id}']");

        foreach (var path in new[] { "/testimonials", "/ur/testimonials" })
        {
            var page = await factory.CreateClient().GetDocumentAsync(path);
            var figure = page.QuerySelectorAll("figure.testimonial").Single(f => f.QuerySelector(".who")!.Text() == "فاطمة");
            Assert.Equal("ar", figure.GetAttribute("lang"));
            Assert.Equal("auto", figure.QuerySelector("blockquote")!.GetAttribute("dir"));
        }
    }
}
