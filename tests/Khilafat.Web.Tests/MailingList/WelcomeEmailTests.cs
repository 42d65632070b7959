using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>
/// A site whose editor has written the welcome email: published in English and Urdu, only a draft in Arabic. Written
/// once through the admin's own forms and shared by the class's tests.
/// </summary>
public class WelcomeSiteFactory : MailSiteFactory
{
    public const string EnglishSubject = "Welcome to the movement";
    public const string EnglishBody = "We are **glad** you joined.\n\n- Read [the statement](/statement)\n- Tell a friend";
    public const string UrduSubject = "تحریک میں خوش آمدید";
    public const string UrduBody = "ہمیں **خوشی** ہے کہ آپ شامل ہوئے۔";
    public const string ArabicDraftSubject = "مرحبًا بك في الحركة";

    private readonly Lock _lock = new();
    private Task? _written;

    public Task WelcomeWrittenAsync()
    {
        lock (_lock) return _written ??= WriteAsync();
    }

    private async Task WriteAsync()
    {
        var (editor, _) = await EditorAsync();
        await Welcome.WriteAsync(editor, "en", EnglishSubject, EnglishBody, "Publish", "Published: new subscribers who confirm now get this welcome.");
        await Welcome.WriteAsync(editor, "ur", UrduSubject, UrduBody, "Publish", "Published: new subscribers who confirm now get this welcome.");
        await Welcome.WriteAsync(editor, "ar", ArabicDraftSubject, "نص لم يُنشر بعد.", "Save", "Saved. It is not sent until you publish it.");
    }
}

/// <summary>The welcome editor's forms, as an editor fills them in.</summary>
public static class Welcome
{
    public static string EditorPath(string culture) => culture == "en" ? "/admin/subscribers/welcome" : "/admin/subscribers/welcome/" + culture;

    /// <summary>Fills in the welcome in <paramref name="culture"/> and presses the button of <paramref name="handler"/> (Save, Publish, Unpublish).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient editor, string culture, string subject, string body, string handler)
    {
        var path = EditorPath(culture);
        var page = await editor.GetDocumentAsync(path);
        return await editor.SubmitAsync(page.Form(), path, Html.Values(("Input.Subject", subject), ("Input.Body", body)), $"button[formaction*='handler={handler}']");
    }

    public static async Task WriteAsync(HttpClient editor, string culture, string subject, string body, string handler, string expectedStatus)
    {
        using var response = await SubmitAsync(editor, culture, subject, body, handler);
        var page = await response.ReadDocumentAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && response.LandedOnPath() == EditorPath(culture),
            $"Saving the {culture} welcome ended on {response.LandedOnPath()} ({(int)response.StatusCode}): {page.ErrorSummary()}");
        Assert.Equal(expectedStatus, page.Status());
    }

    /// <summary>
    /// Signs up on the page of <paramref name="culture"/>, confirms with the emailed link (pressing its button
    /// <paramref name="presses"/> times, as a double click does), and returns the confirmation email.
    /// </summary>
    public static async Task<MimeMessage> JoinAndConfirmAsync(MailSiteFactory factory, HttpClient visitor, string culture, string email, string? name = null, int presses = 1)
    {
        var prefix = culture == "en" ? "" : "/" + culture;
        using (var joined = await visitor.SubmitFormAsync(prefix + "/join", Visitor.SignUpValues(email, name)))
            Assert.Equal(prefix + "/join/thanks", joined.LandedOnPath());
        var confirmation = (await factory.WaitForEmailsToAsync(email)).Single();
        var confirmPath = Mailbox.PathAndQuery(Mailbox.LinkTo(confirmation, prefix + "/join/confirm"));
        var form = (await visitor.GetDocumentAsync(confirmPath)).Form();
        for (var i = 0; i < presses; i++)
        {
            using var confirmed = await visitor.SubmitAsync(form, confirmPath);
            Assert.Equal(prefix + "/join/confirmed", confirmed.LandedOnPath());
        }
        return confirmation;
    }

    public static MimeMessage WelcomeAmong(IEnumerable<MimeMessage> messages, string subject) =>
        Assert.Single(messages, m => m.Subject == subject);

    public static async Task<List<OutboxMessage>> WelcomesToAsync(this SiteFactory factory, string email) =>
        (await factory.OutboxToAsync(email)).Where(m => m.Kind == OutboxKinds.Welcome).ToList();
}

public class WelcomeEmailTests(WelcomeSiteFactory factory) : IClassFixture<WelcomeSiteFactory>
{
    private const string ConfirmationSubject = "Confirm your subscription to the Khilafat Movement mailing list";

    [Fact]
    public async Task AnUrduSubscriber_GetsThePublishedUrduWelcome_Once_RightToLeft_WithWhyAndHowToLeave_AndTheOneClickHeaders()
    {
        await factory.WelcomeWrittenAsync();
        var visitor = factory.CreateClient();
        var email = Visitor.NewAddress("urdu");
        // The button pressed twice (a double click): one confirmation, one welcome.
        var confirmation = await Welcome.JoinAndConfirmAsync(factory, visitor, "ur", email, "زینب", presses: 2);

        var mail = Welcome.WelcomeAmong(await factory.WaitForEmailsToAsync(email, 2), WelcomeSiteFactory.UrduSubject);
        Assert.StartsWith("السلام علیکم زینب،", mail.TextBody);
        // Both say they are in Urdu, and come from the movement by its Urdu name.
        foreach (var message in new[] { confirmation, mail })
            Assert.Equal(("تحریکِ خلافت", "ur"), (message.From.Mailboxes.Single().Name, message.Body!.Headers["Content-Language"]));
        Assert.Contains("ہمیں خوشی ہے کہ آپ شامل ہوئے۔", mail.TextBody);
        Assert.Contains("آپ کو یہ ای میل اس لیے ملی ہے کہ آپ تحریکِ خلافت کی میلنگ لسٹ میں شامل ہوئے اور اپنے پتے کی تصدیق کی۔", mail.TextBody);
        var html = Html.Parse(mail.HtmlBody!);
        Assert.Equal(("ur", "rtl"), (html.DocumentElement.GetAttribute("lang"), html.DocumentElement.GetAttribute("dir")));
        Assert.Equal("خوشی", html.QuerySelector("strong")!.Text());
        var unsubscribe = html.QuerySelectorAll("a").Last();
        Assert.Equal("https://localhost/ur/unsubscribe", unsubscribe.GetAttribute("href")!.Split('?')[0]);
        Assert.Equal("https://localhost/unsubscribe/one-click", mail.OneClickLink().Split('?')[0]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        // The unsubscribe link in it works: its page offers the button (an unknown link gets none).
        Assert.NotNull((await visitor.GetDocumentAsync(Mailbox.PathAndQuery(Mailbox.LinkTo(mail, "/ur/unsubscribe")))).QuerySelector("main form button"));

        // The link opened again later finds the address confirmed, and nothing more is sent.
        var again = await visitor.GetDocumentAsync(Mailbox.PathAndQuery(Mailbox.LinkTo(confirmation, "/ur/join/confirm")));
        Assert.Null(again.QuerySelector("main form"));
        await factory.RunSenderRoundAsync();
        Assert.Single(await factory.WelcomesToAsync(email));
        Assert.Equal(2, factory.Smtp.MessagesTo(email).Count);
    }

    [Fact]
    public async Task AnArabicSubscriber_WhileTheArabicWelcomeIsOnlyADraft_GetsTheEnglishOne_InEnglish()
    {
        await factory.WelcomeWrittenAsync();
        var email = Visitor.NewAddress("arabic");

        await Welcome.JoinAndConfirmAsync(factory, factory.CreateClient(), "ar", email, "Fatima");

        var messages = await factory.WaitForEmailsToAsync(email, 2);
        var mail = Welcome.WelcomeAmong(messages, WelcomeSiteFactory.EnglishSubject);
        Assert.DoesNotContain(messages, m => m.Subject == WelcomeSiteFactory.ArabicDraftSubject);
        Assert.StartsWith("Hello Fatima,", mail.TextBody);
        Assert.Equal(("Khilafat Movement", "en"), (mail.From.Mailboxes.Single().Name, mail.Body!.Headers["Content-Language"]));
        Assert.Contains("You receive this email because you joined the Khilafat Movement mailing list and confirmed your address.", mail.TextBody);
        var html = Html.Parse(mail.HtmlBody!);
        Assert.Equal(("en", "ltr"), (html.DocumentElement.GetAttribute("lang"), html.DocumentElement.GetAttribute("dir")));
        Assert.Equal(["Read the statement", "Tell a friend"], html.QuerySelectorAll("li").Select(li => li.Text()));
        // A link the editor wrote as a path on the site leads there from a mail program, in both bodies.
        Assert.Equal("https://localhost/statement", html.QuerySelector("li a")!.GetAttribute("href"));
        Assert.Contains("- Read the statement (https://localhost/statement)\n- Tell a friend", mail.TextBody);
        // Their pages stay in their language.
        Assert.StartsWith("https://localhost/ar/unsubscribe?token=", Mailbox.LinkTo(mail, "/ar/unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task TwoPressesOfTheConfirmButtonAtOnce_WelcomeOnce()
    {
        await factory.WelcomeWrittenAsync();
        var email = Visitor.NewAddress("hasty");
        await factory.CreateClient().SignUpAndSeeThanksAsync(email);
        var confirmPath = Mailbox.PathAndQuery((await factory.WaitForEmailsToAsync(email)).Single().ConfirmLink());
        var (first, second) = (factory.CreateClient(), factory.CreateClient());
        var (firstForm, secondForm) = ((await first.GetDocumentAsync(confirmPath)).Form(), (await second.GetDocumentAsync(confirmPath)).Form());

        var presses = await Task.WhenAll(first.SubmitAsync(firstForm, confirmPath), second.SubmitAsync(secondForm, confirmPath));

        Assert.All(presses, p => Assert.Equal("/join/confirmed", p.LandedOnPath()));
        foreach (var press in presses) press.Dispose();
        Welcome.WelcomeAmong(await factory.WaitForEmailsToAsync(email, 2), WelcomeSiteFactory.EnglishSubject);
        await factory.RunSenderRoundAsync();
        Assert.Single(await factory.WelcomesToAsync(email));
        Assert.Equal(2, factory.Smtp.MessagesTo(email).Count);
    }

    [Fact]
    public async Task TheWelcomesOneClickHeader_Unsubscribes_AndJoiningAgainLater_DoesNotWelcomeThemTwice()
    {
        await factory.WelcomeWrittenAsync();
        var email = Visitor.NewAddress("returning");
        var first = await Welcome.JoinAndConfirmAsync(factory, factory.CreateClient(), "en", email);
        var welcome = Welcome.WelcomeAmong(await factory.WaitForEmailsToAsync(email, 2), WelcomeSiteFactory.EnglishSubject);
        await factory.WaitUntilDeliveredAsync(email, 2);

        // A mail provider's one-click POST to the address in the header: no cookies, no page.
        using var provider = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using (var unsubscribed = await provider.PostAsync(Mailbox.PathAndQuery(welcome.OneClickLink()),
                   new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")))
            Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(email))!.Status);

        // Past the wait between confirmation emails, they join again and confirm: on the list again, not welcomed again.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var visitor = factory.CreateClient();
        await visitor.SignUpAndSeeThanksAsync(email);
        var again = (await factory.WaitForEmailsToAsync(email, 3)).Single(m => m.Subject == ConfirmationSubject && m.ConfirmLink() != first.ConfirmLink());
        using (var confirmed = await visitor.SubmitFormAsync(Mailbox.PathAndQuery(again.ConfirmLink())))
            Assert.Equal("/join/confirmed", confirmed.LandedOnPath());
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);
        await factory.RunSenderRoundAsync();
        Assert.Single(await factory.WelcomesToAsync(email));
        Assert.Single(factory.Smtp.MessagesTo(email), m => m.Subject == WelcomeSiteFactory.EnglishSubject);
    }

    [Fact]
    public async Task TheEditor_PreviewsTheEmail_AsASubscriberWouldGetIt_WithoutSavingIt()
    {
        await factory.WelcomeWrittenAsync();
        var (editor, _) = await factory.EditorAsync();
        var path = Welcome.EditorPath("ar");
        var page = await editor.GetDocumentAsync(path);

        using var response = await editor.SubmitAsync(page.Form(), path,
            Html.Values(("Input.Subject", "معاينة"), ("Input.Body", "نص *مائل* هنا.")), "button[formaction='/admin/subscribers/welcome/preview']");
        var preview = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("معاينة", preview.GetElementById("preview-subject")!.Text());
        var html = preview.GetElementById("preview-html")!;
        Assert.Equal(("ar", "rtl"), (html.GetAttribute("lang"), html.GetAttribute("dir")));
        Assert.Equal("مائل", html.QuerySelector("em")!.Text());
        Assert.Contains("مرحبًا Amina،", html.Text());
        Assert.Contains("نص مائل هنا.", preview.GetElementById("preview-text")!.TextContent);
        Assert.Contains("https://localhost/ar/unsubscribe?token=sample", preview.GetElementById("preview-text")!.TextContent);
        // Nothing was saved: the Arabic welcome is still the draft it was.
        Assert.Equal(WelcomeSiteFactory.ArabicDraftSubject, (await editor.GetDocumentAsync(path)).QuerySelector("input[name='Input.Subject']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AWelcomeWithoutASubject_IsRefusedBesideTheField_AndNothingIsSaved()
    {
        await factory.WelcomeWrittenAsync();
        var (editor, _) = await factory.EditorAsync();

        using var response = await Welcome.SubmitAsync(editor, "en", "", "A body without a subject", "Save");
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the subject.", page.FieldError("Input.Subject"));
        Assert.Equal("A body without a subject", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<WelcomeEmail>().GetAsync("en"));
        Assert.Equal((WelcomeSiteFactory.EnglishSubject, WelcomeSiteFactory.EnglishBody), (stored!.Working.Title, stored.Working.Body));
    }

    [Fact]
    public async Task TheWelcome_HasRevisionsLikeEveryText_AndItsSavesAreAudited()
    {
        await factory.WelcomeWrittenAsync();
        var (editor, editorEmail) = await factory.EditorAsync();

        var history = await editor.GetDocumentAsync("/admin/subscribers/welcome/history?culture=ur");

        Assert.Equal("History: Welcome email (اردو)", history.QuerySelector("h1")!.Text());
        Assert.Equal(["Translated and published"], history.QuerySelectorAll("tbody tr td:nth-child(4)").Select(td => td.Text()));
        var created = Assert.Single(await factory.AuditAsync(AuditActions.WelcomeCreated));
        Assert.Equal(("welcome:email", "published", editorEmail), (created.Target, created.Details, created.ActorName));
        Assert.Contains(await factory.AuditAsync(AuditActions.WelcomeEdited), e => e.Target == "welcome:email:ar");
    }
}

/// <summary>Each on a site of its own: the welcome is one text for the whole site.</summary>
public class WelcomeOffTests
{
    [Fact]
    public async Task UntilAnEditorPublishesTheWelcome_AConfirmedSubscriberGetsOnlyTheConfirmation()
    {
        await using var factory = new MailSiteFactory();
        var (editor, _) = await factory.EditorAsync();
        await Welcome.WriteAsync(editor, "en", "Not yet", "Still being written.", "Save", "Saved. It is not sent until you publish it.");
        var email = Visitor.NewAddress("early");

        await factory.CreateClient().SignUpAndConfirmAsync(factory, email);
        await factory.RunSenderRoundAsync();

        Assert.Empty(await factory.WelcomesToAsync(email));
        Assert.Equal(["Confirm your subscription to the Khilafat Movement mailing list"], factory.Smtp.MessagesTo(email).Select(m => m.Subject));
    }

    [Fact]
    public async Task AWelcomePublishedThenUnpublished_IsNotSent_AndAnUrduSubscriberGetsEnglishWhenOnlyEnglishIsPublished()
    {
        await using var factory = new MailSiteFactory();
        var (editor, _) = await factory.EditorAsync();
        await Welcome.WriteAsync(editor, "ur", "اردو", "اردو متن", "Publish", "Published: new subscribers who confirm now get this welcome.");
        await Welcome.WriteAsync(editor, "ur", "اردو", "اردو متن", "Unpublish", "Unpublished: new subscribers get no welcome in this language (the English one, if it is published).");
        var nobody = Visitor.NewAddress("off");
        await Welcome.JoinAndConfirmAsync(factory, factory.CreateClient(), "ur", nobody);
        await factory.RunSenderRoundAsync();
        Assert.Empty(await factory.WelcomesToAsync(nobody));

        await Welcome.WriteAsync(editor, "en", "Welcome", "Glad you are here.", "Publish", "Published: new subscribers who confirm now get this welcome.");
        var urdu = Visitor.NewAddress("fallback");
        await Welcome.JoinAndConfirmAsync(factory, factory.CreateClient(), "ur", urdu);

        var mail = Welcome.WelcomeAmong(await factory.WaitForEmailsToAsync(urdu, 2), "Welcome");
        Assert.Equal("en", Html.Parse(mail.HtmlBody!).DocumentElement.GetAttribute("lang"));
        Assert.Single(await factory.WelcomesToAsync(urdu));
        Assert.Empty(await factory.WelcomesToAsync(nobody));
    }
}
