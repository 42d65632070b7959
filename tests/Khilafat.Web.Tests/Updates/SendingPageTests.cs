using Khilafat.Web.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Khilafat.Web.Data;
using System.Net;
using AngleSharp.Html.Dom;
using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Khilafat.Web.Pages.Admin.Updates;
using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Updates;

/// <summary>
/// The editor's "Email to the list" page before anything is sent: the count, the test send, the previews, and what
/// it says to input it cannot use. One site for the class: each test has its own update and, where it counts, its
/// own countries.
/// </summary>
public class SendingPageTests(SendingSiteFactory factory) : IClassFixture<SendingSiteFactory>
{
    [Fact]
    public async Task CountRecipients_SaysHowManyGetItInWhichLanguage_AndWhomLeavingThemOutLeavesOut()
    {
        var (editor, _) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var id = await factory.CreateUpdateAsync(new UpdateText("en", $"Relief convoy {tag}", "The convoy left."), new UpdateText("ar", $"قافلة الإغاثة {tag}", "انطلقت القافلة."));
        // Iceland and Fiji are this test's own countries on the shared site.
        await factory.AddSubscriberAsync("en-is", "en", "IS");
        await factory.AddSubscriberAsync("ar-fj", "ar", "FJ");
        await factory.AddSubscriberAsync("ur-is", "ur", "IS");
        await factory.AddSubscriberAsync("ur-fj", "ur", "FJ");
        await factory.AddSubscriberAsync("pending-is", "en", "IS", SubscriberStatus.Pending);
        await factory.AddSubscriberAsync("left-fj", "ar", "FJ", SubscriberStatus.Unsubscribed);
        await factory.AddSubscriberAsync("bouncing-is", "en", "IS", bouncing: true);
        await factory.AddSubscriberAsync("en-mt", "en", "MT");

        using var english = await editor.ChooseAudienceAsync(id, "Count", "Countries", countries: ["IS", "FJ"]);
        var page = await english.ReadDocumentAsync();

        Assert.Equal("4 subscribers would get it: 3 in English and 1 in Arabic.", page.QuerySelector(".send-count")!.Text());
        Assert.Equal(["FJ", "IS"], page.QuerySelectorAll("#Input_Countries option[selected]").Select(o => o.GetAttribute("value")).Order());
        Assert.NotNull(page.QuerySelector("input[name='Input.Audience'][value='Countries'][checked]"));
        Assert.Null(page.QuerySelector("button[formaction*='handler=Send']"));

        using var skip = await editor.ChooseAudienceAsync(id, "Count", "Countries", "Skip", countries: ["IS", "FJ"]);
        var skipped = await skip.ReadDocumentAsync();

        Assert.Equal("2 subscribers would get it: 1 in English and 1 in Arabic. 2 subscribers left out for want of a translation.",
            skipped.QuerySelector(".send-count")!.Text());
        Assert.NotNull(skipped.QuerySelector("input[name='Input.MissingTranslation'][value='Skip'][checked]"));

        using var languages = await editor.ChooseAudienceAsync(id, "Count", "Languages", languages: ["ur"]);
        var urdu = (await factory.ConfirmedSubscribersAsync()).Count(s => s.Language == "ur");
        Assert.Equal($"{urdu} subscribers would get it: {urdu} in English.", (await languages.ReadDocumentAsync()).QuerySelector(".send-count")!.Text());
        // What they get is an Urdu message with the English words: the step before sending shows that one alone.
        using var urduReview = await editor.ChooseAudienceAsync(id, "Review", "Languages", languages: ["ur"]);
        Assert.Equal(["Urdu, with the English text"], (await urduReview.ReadDocumentAsync()).QuerySelectorAll(".send-preview h3").Select(h => h.Text()));
        // Fiji's subscribers read Arabic and Urdu: nobody there gets the English message, though Urdu's words are English.
        using var fijiReview = await editor.ChooseAudienceAsync(id, "Review", "Countries", countries: ["FJ"]);
        Assert.Equal(["Arabic", "Urdu, with the English text"], (await fijiReview.ReadDocumentAsync()).QuerySelectorAll(".send-preview h3").Select(h => h.Text()));

        using var everyone = await editor.ChooseAudienceAsync(id, "Count");
        var confirmed = await factory.ConfirmedSubscribersAsync();
        var arabic = confirmed.Count(s => s.Language == "ar");
        Assert.Equal($"{confirmed.Count} subscribers would get it: {confirmed.Count - arabic} in English and {arabic} in Arabic.",
            (await everyone.ReadDocumentAsync()).QuerySelector(".send-count")!.Text());
    }

    [Fact]
    public async Task AnUpdateEmailedBefore_SaysSoOnItsSendPage_AndGoesAgainOnlyWhenTheEditorTicksTheBox()
    {
        var (editor, _) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var id = await factory.CreateUpdateAsync(new UpdateText("en", $"Vigil on Friday {tag}", "Join us."));
        await factory.AddSubscriberAsync("again-" + tag, "en", "GB");
        Assert.Null((await editor.GetDocumentAsync(SendingTestKit.SendPage(id))).QuerySelector("#earlier-sends-heading"));
        // A correction saved as a draft does not go: the page says so, since the editor may think it will.
        using (await editor.SubmitFormAsync($"/admin/updates/edit/{id}", Html.Values(("Input.Body", "Join us at 7pm.")), submitter: "button[formaction*='handler=Draft']")) { }
        Assert.Contains("A draft is saved beside the published text in English: a send takes the published words",
            (await editor.GetDocumentAsync(SendingTestKit.SendPage(id))).QuerySelector("main .notice[role=note]")?.Text());
        var (_, first, _) = await editor.StartSendAsync(id, "Languages", languages: ["en"]);
        var sends = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.CountAsync(s => s.UpdateId == id));

        // Later, or another editor: the page says it went, and to whom (a confirmation pressed twice within the minute
        // is that same send, as before).
        factory.Clock.Advance(UpdateSends.RepeatWindow + TimeSpan.FromMinutes(1));
        var page = await editor.GetDocumentAsync(SendingTestKit.SendPage(id));
        var earlier = page.QuerySelector("section:has(#earlier-sends-heading)")!;
        Assert.Contains("Confirmed subscribers whose language is English", earlier.Text());
        Assert.Equal($"/admin/sends/{first}", earlier.QuerySelector("a")!.GetAttribute("href"));

        using var review = await editor.ChooseAudienceAsync(id, "Review");
        var confirm = await review.ReadDocumentAsync();
        using var refused = await editor.SubmitAsync(confirm.Form(), SendingTestKit.SendPage(id), submitter: "button[formaction*='handler=Send']");
        var refusedPage = await refused.ReadDocumentAsync();
        Assert.Equal(SendingTestKit.SendPage(id) + "?handler=Send", refused.LandedOn());
        Assert.Equal("Tick the box to email it again: whoever is in this audience and had it gets it a second time.", refusedPage.FieldError("Input.SendAgain"));
        Assert.Equal(sends, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.CountAsync(s => s.UpdateId == id)));

        using var again = await editor.SubmitAsync(refusedPage.Form(), SendingTestKit.SendPage(id), Html.Values(("Input.SendAgain", "true")), "button[formaction*='handler=Send']");
        Assert.Matches(@"^/admin/sends/\d+$", again.LandedOnPath());
        Assert.Equal(sends + 1, await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.CountAsync(s => s.UpdateId == id)));
    }

    [Fact]
    public async Task AnAudienceThatSaysNobody_GetsAMessageBesideItsField_KeepsWhatWasChosen_AndGoesNoFurther()
    {
        var (editor, _) = await factory.EditorAsync();
        var id = await factory.CreateUpdateAsync(new UpdateText("en", "Vigil " + SendingTestKit.Tag(), "A vigil."));

        using var noLanguage = await editor.ChooseAudienceAsync(id, "Review", "Languages", "Skip", countries: ["PK"]);
        var page = await noLanguage.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, noLanguage.StatusCode);
        Assert.Equal("Tick at least one language, or choose all confirmed subscribers.", page.FieldError("Input.Languages"));
        Assert.Contains("Tick at least one language", page.ErrorSummary());
        Assert.Equal("#Input_Languages", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Input_Languages"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Audience'][value='Languages'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.MissingTranslation'][value='Skip'][checked]"));
        Assert.Equal(["PK"], page.QuerySelectorAll("#Input_Countries option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Null(page.QuerySelector("button[formaction*='handler=Send']"));

        using var noCountry = await editor.ChooseAudienceAsync(id, "Count", "Countries", languages: ["ar"]);
        var countryPage = await noCountry.ReadDocumentAsync();
        Assert.Equal("Choose at least one country, or choose all confirmed subscribers.", countryPage.FieldError("Input.Countries"));
        Assert.NotNull(countryPage.QuerySelector("input[name='Input.Languages'][value='ar'][checked]"));
        Assert.Null(countryPage.QuerySelector(".send-count"));

        // What no form of the page offers (a forged request) gets a message too, never a 500.
        using var unknownCountry = await editor.ChooseAudienceAsync(id, "Count", "Countries", countries: ["XX"]);
        Assert.Equal("Choose only countries from the list.", (await unknownCountry.ReadDocumentAsync()).FieldError("Input.Countries"));
        using var unknownLanguage = await editor.ChooseAudienceAsync(id, "Count", "Languages", languages: ["fr"]);
        Assert.Equal("Tick only the languages listed.", (await unknownLanguage.ReadDocumentAsync()).FieldError("Input.Languages"));
        using var unknownChoice = await editor.ChooseAudienceAsync(id, "Count", "Somebody");
        Assert.Equal(HttpStatusCode.BadRequest, unknownChoice.StatusCode);
    }

    [Fact]
    public async Task TestSend_GoesToTheEditorByDefault_InTheChosenLanguage_WithTestBeforeItsSubject_AndIsAudited()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var arabicTitle = $"وقفة سلمية {tag}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", $"Peaceful vigil {tag}", "We gather in peace."), new UpdateText("ar", arabicTitle, "نجتمع بسلام."));
        var url = SendingTestKit.SendPage(id);
        var page = await editor.GetDocumentAsync(url);
        var form = page.Form("form[action*='handler=Test']");
        Assert.Equal(editorEmail, ((IHtmlInputElement)form.QuerySelector("#Test_Address")!).Value);
        // Urdu too: its subscribers get the English, and the editor can see that message before sending it.
        Assert.Equal([("en", "English"), ("ar", "Arabic"), ("ur", "Urdu, with the English text")],
            form.QuerySelectorAll("#Test_Language option").Select(o => (o.GetAttribute("value"), o.Text())));

        using var bad = await editor.SubmitAsync(form, url, Html.Values(("Test.Address", "not an address"), ("Test.Language", "ar")));
        var badPage = await bad.ReadDocumentAsync();
        Assert.Equal("Enter an email address like name@example.org.", badPage.FieldError("Test.Address"));
        Assert.Equal("not an address", ((IHtmlInputElement)badPage.QuerySelector("#Test_Address")!).Value);
        Assert.Equal("ar", ((IHtmlSelectElement)badPage.QuerySelector("#Test_Language")!).Value);
        using var unknown = await editor.SubmitAsync(form, url, Html.Values(("Test.Language", "fr")));
        Assert.Equal("Choose a language the update is published in.", (await unknown.ReadDocumentAsync()).FieldError("Test.Language"));
        Assert.DoesNotContain(await factory.AuditAsync(AuditActions.SendTested), e => e.Target == AuditTargets.Update(id));

        using var sent = await editor.SubmitAsync(form, url, Html.Values(("Test.Language", "ar")));
        var after = await sent.ReadDocumentAsync();

        Assert.Equal(url, sent.LandedOnPath());
        Assert.Equal($"A test in Arabic is on its way to {editorEmail}. Its subject starts with [Test].", after.Status());
        var message = await Poll.UntilAsync(() => Task.FromResult(factory.Smtp.MessagesTo(editorEmail).Where(m => (m.Subject ?? "").Contains(tag)).ToList()),
            m => m.Count > 0, "the test message");
        Assert.Equal("[Test] " + arabicTitle, Assert.Single(message).Subject);
        Assert.Contains("نجتمع بسلام.", message[0].TextBody);
        Assert.Contains(SendingSiteFactory.PostalAddress, message[0].TextBody);
        Assert.Contains("dir=\"rtl\"", message[0].HtmlBody);
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SendTested), e => e.Target == AuditTargets.Update(id));
        Assert.Equal(editorEmail, audit.ActorName);
        Assert.Contains(editorEmail, audit.Details!);
    }

    [Fact]
    public async Task Preview_ShowsEachPublishedLanguage_ThePlainTextOnThePage_AndTheHtmlOnItsOwnUnderASandboxedPolicy()
    {
        var (editor, _) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var id = await factory.CreateUpdateAsync(
            new UpdateText("en", $"Statement {tag}", "We call for **relief**.\n\n<script>alert(1)</script>"),
            new UpdateText("ar", $"بيان {tag}", "ندعو إلى **الإغاثة**."));
        var url = SendingTestKit.SendPage(id);

        using var response = await editor.GetAsync(url);
        var page = await response.ReadDocumentAsync();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        var previews = page.QuerySelectorAll(".send-preview").ToList();
        Assert.Equal(["English", "Arabic", "Urdu, with the English text"], previews.Select(p => p.QuerySelector("h3")!.Text()));
        var arabicText = previews[1].QuerySelector("pre")!;
        Assert.Equal("ar", arabicText.GetAttribute("lang"));
        Assert.Contains("ندعو إلى الإغاثة.", arabicText.TextContent);
        Assert.Contains(SendingSiteFactory.PostalAddress, arabicText.TextContent);
        Assert.Contains("https://localhost/ar/unsubscribe", arabicText.TextContent);
        Assert.Contains($"بيان {tag}", previews[1].Text());

        foreach (var (section, culture, direction, strong) in new[] { (previews[0], "en", "ltr", "<strong>relief</strong>"), (previews[1], "ar", "rtl", "<strong>الإغاثة</strong>") })
        {
            var link = section.QuerySelector("a[href*='handler=Preview']")!.GetAttribute("href")!;
            Assert.Equal("_blank", section.QuerySelector("a[href*='handler=Preview']")!.GetAttribute("target"));
            using var html = await editor.GetAsync(link);
            var body = await html.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
            Assert.Equal(SendModel.PreviewPolicy, html.Headers.GetValues("Content-Security-Policy").Single());
            Assert.StartsWith("sandbox;", SendModel.PreviewPolicy);
            Assert.Equal("DENY", html.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains($"<html lang=\"{culture}\" dir=\"{direction}\">", body);
            Assert.Contains(strong, body);
            Assert.Contains(SendingSiteFactory.PostalAddress, body);
            Assert.DoesNotContain("<script", body);
        }

        // Urdu's subscribers get the English words in an Urdu message, which says they are untranslated.
        var urduText = previews[2].QuerySelector("pre")!.TextContent;
        Assert.Contains("We call for relief.", urduText);
        Assert.Contains("https://localhost/ur/unsubscribe", urduText);
        Assert.Contains("Translate it into Urdu", previews[2].Text());
        using var urdu = await editor.GetAsync(previews[2].QuerySelector("a[href*='handler=Preview']")!.GetAttribute("href")!);
        var urduHtml = await urdu.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ur\" dir=\"rtl\">", urduHtml);
        Assert.Contains("<div lang=\"en\" dir=\"ltr\"", urduHtml);
        Assert.Contains("<strong>relief</strong>", urduHtml);
        using var unknown = await editor.GetAsync(url + "?handler=Preview&culture=xx");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AnUpdateWhoseEnglishIsNotPublished_CannotBeSent_AndThePageSaysWhy()
    {
        var (editor, _) = await factory.EditorAsync();
        var id = await factory.CreateUpdateAsync(new UpdateText("en", "Draft " + SendingTestKit.Tag(), "Not yet.", Published: false), new UpdateText("ar", "مسودة", "ليس بعد."));

        var page = await editor.GetDocumentAsync(SendingTestKit.SendPage(id));

        Assert.Contains("This update cannot be sent yet", page.ErrorSummary());
        Assert.Contains("Its English text is not published.", page.ErrorSummary());
        Assert.Null(page.QuerySelector("button[formaction*='handler=Count']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Test']"));
        Assert.Empty(page.QuerySelectorAll(".send-preview"));
        using var preview = await editor.GetAsync(SendingTestKit.SendPage(id) + "?handler=Preview&culture=ar");
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    [Fact]
    public async Task AnUnknownUpdateOrSend_IsNotFound_AndTheAdminNavigationLinksToSends()
    {
        var (editor, _) = await factory.EditorAsync();

        foreach (var url in new[] { SendingTestKit.SendPage(999_999), "/admin/sends/999999", "/admin/sends/999999/cancel" })
        {
            using var response = await editor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
        var admin = await editor.GetDocumentAsync("/admin/sends");
        var link = admin.QuerySelector("nav[aria-label=Admin] a[href='/admin/sends']")!;
        Assert.Equal("Sends", link.Text());
        Assert.Equal("page", link.GetAttribute("aria-current"));
        Assert.Equal("Sends", admin.QuerySelector("h1")!.Text());
    }
}
