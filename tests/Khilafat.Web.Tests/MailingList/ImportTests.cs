using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.MailingList;

public class ImportTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task AFileWithBadRows_ReportsEachByLineNumber_AndAddsNothing()
    {
        var (editor, _) = await factory.EditorAsync();
        var good1 = Visitor.NewAddress("good");
        var good2 = Visitor.NewAddress("good");
        var subscribers = await factory.SubscriberCountAsync();
        var outbox = await factory.OutboxCountAsync();
        var imports = (await factory.AuditAsync(AuditActions.SubscribersImported)).Count;

        var page = await editor.ImportAsync(
            "email,name,country\n" +
            $"{good1},Good One,PK\n" +
            "not-an-email,Bad Address,GB\n" +
            $"{good2},Good Two,\n" +
            $"{Visitor.NewAddress("far")},Far Away,QQ\n" +
            // Greeted by these in the welcome email: a NUL (which PostgreSQL refuses, a 500) and a line of its own.
            $"{Visitor.NewAddress("nul")},Nul\0Name,GB\n" +
            $"{Visitor.NewAddress("lines")},\"Two\nLines\",GB\n");

        var alert = page.QuerySelector("[role=alert]");
        Assert.NotNull(alert);
        Assert.Contains("Nothing was imported", alert.Text());
        Assert.Equal(
            ["Line 3: \"not-an-email\" is not an email address.", "Line 5: \"QQ\" is not a two-letter country code (like GB or PK).",
                "Line 6: The name must be on one line, without control characters or web or email addresses.",
                "Line 7: The name must be on one line, without control characters or web or email addresses."],
            alert.QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Null(page.QuerySelector("[role=status]"));
        Assert.Null(await factory.SubscriberAsync(good1));
        Assert.Null(await factory.SubscriberAsync(good2));
        Assert.Equal(subscribers, await factory.SubscriberCountAsync());
        Assert.Equal(outbox, await factory.OutboxCountAsync());
        Assert.Equal(imports, (await factory.AuditAsync(AuditActions.SubscribersImported)).Count);
    }

    [Fact]
    public async Task AGoodFile_AddsNewAddressesAsPending_SendsThemConfirmations_AndSkipsDuplicatesAndUnsubscribed()
    {
        var visitor = factory.CreateClient();
        var pending = Visitor.NewAddress("pending");
        var confirmed = Visitor.NewAddress("confirmed");
        var unsubscribed = Visitor.NewAddress("unsubscribed");
        await visitor.SignUpAndSeeThanksAsync(pending);
        await visitor.SignUpAndConfirmAsync(factory, confirmed, "Confirmed Reader");
        var unsubscribedMessage = await visitor.SignUpAndConfirmAsync(factory, unsubscribed);
        using (await visitor.SubmitFormAsync(Mailbox.PathAndQuery(unsubscribedMessage.UnsubscribeLink()))) { }
        await factory.WaitUntilDeliveredAsync(pending);
        var local1 = "New.One." + Guid.NewGuid().ToString("N")[..8];
        var new1 = $"{local1}@example.org";
        var new2 = Visitor.NewAddress("newtwo");
        var (editor, editorEmail) = await factory.EditorAsync();

        var page = await editor.ImportAsync(
            "Email,Name,Country\n" +
            $"{new1},New One,pk\n" +
            $"{new2},,\n" +
            $"  {local1}@EXAMPLE.org ,New One Again,GB\n" +
            $"{pending},Pending Person,PK\n" +
            $"{confirmed},Someone Else,GB\n" +
            $"{unsubscribed},Unsubscribed Person,IN\n");

        Assert.Null(page.QuerySelector("[role=alert]"));
        Assert.Equal(
            "Imported: 2 added as Pending and sent a confirmation email. 3 already on the list or repeated in the file were skipped, and 1 that unsubscribed were left off.",
            page.QuerySelector("[role=status]")!.Text());

        var one = await factory.SubscriberAsync(new1);
        Assert.Equal((SubscriberStatus.Pending, "New One", "PK"), (one!.Status, one.Name, one.Country));
        Assert.Equal(ConsentWording.ImportVersion, one.Consent.Version);
        Assert.Equal($"import by {editorEmail}", one.Consent.Source);
        var two = await factory.SubscriberAsync(new2);
        Assert.Equal((SubscriberStatus.Pending, null, null), (two!.Status, two.Name, two.Country));

        // Each new address gets one confirmation email; nobody else gets anything.
        await factory.WaitUntilDeliveredAsync(new1);
        await factory.WaitUntilDeliveredAsync(new2);
        var toOne = Assert.Single(await factory.WaitForEmailsToAsync(new1));
        Assert.Single(await factory.WaitForEmailsToAsync(new2));
        Assert.Equal("List-Unsubscribe=One-Click", toOne.Headers["List-Unsubscribe-Post"]);
        Assert.Single(factory.Smtp.MessagesTo(pending));
        Assert.Single(factory.Smtp.MessagesTo(confirmed));
        Assert.Single(factory.Smtp.MessagesTo(unsubscribed));
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(unsubscribed))!.Status);
        var stillConfirmed = await factory.SubscriberAsync(confirmed);
        Assert.Equal((SubscriberStatus.Confirmed, "Confirmed Reader"), (stillConfirmed!.Status, stillConfirmed.Name));

        // The imported address joins only with its own confirmation.
        using var joined = await factory.CreateClient().SubmitFormAsync(Mailbox.PathAndQuery(toOne.ConfirmLink()));
        Assert.Equal("/join/confirmed", joined.LandedOnPath());
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(new1))!.Status);

        var audit = (await factory.AuditAsync(AuditActions.SubscribersImported)).Last();
        Assert.Equal(editorEmail, audit.ActorName);
        Assert.Equal("2 added, 3 duplicates skipped, 1 unsubscribed skipped", audit.Details);
    }

    [Fact]
    public async Task ImportingWithoutAFile_AsksForOne()
    {
        var (editor, _) = await factory.EditorAsync();
        var form = await editor.GetDocumentAsync("/admin/subscribers/import");

        using var response = await editor.PostAsync("/admin/subscribers/import", new MultipartFormDataContent { { new StringContent(Token(form)), "__RequestVerificationToken" } });
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a CSV file to import.", page.FieldError("Upload"));
    }

    /// <summary>
    /// On a new site, an import can be the first thing that needs the site's signing key (for the unsubscribe links),
    /// before any visitor has signed up.
    /// </summary>
    [Fact]
    public async Task ImportOnANewSite_BeforeAnyoneHasSignedUp_AddsTheAddressesAndSendsConfirmations()
    {
        await using var fresh = new QuickLockTimeoutFactory();
        var (editor, _) = await fresh.SignedInClientAsync(Roles.Editor);
        var email = Visitor.NewAddress("first");

        var page = await editor.ImportAsync($"email\n{email}\n", answerWithin: TimeSpan.FromSeconds(15));

        Assert.Equal("Imported: 1 added as Pending and sent a confirmation email. 0 already on the list or repeated in the file were skipped.",
            page.QuerySelector("[role=status]")?.Text());
        Assert.Equal(SubscriberStatus.Pending, (await fresh.SubscriberAsync(email))!.Status);
        Assert.Single(await fresh.WaitForEmailsToAsync(email));
    }

    // The site's own exports start with UTF-8's byte order mark (for Excel), and so does a file Excel saves as UTF-8.
    [Fact]
    public async Task AFileThatStartsWithAByteOrderMark_IsReadAsAnyOther()
    {
        var (editor, _) = await factory.EditorAsync();
        var email = Visitor.NewAddress("marked");

        var page = await editor.ImportAsync($"\uFEFFemail,name\n{email},عائشہ خان\n");

        Assert.StartsWith("Imported: 1 added as Pending", page.QuerySelector("[role=status]")?.Text());
        Assert.Equal("عائشہ خان", (await factory.SubscriberAsync(email))!.Name);
    }

    [Fact]
    public async Task ImportingPeopleWhoAlreadyGaveConsent_AddsThemConfirmed_WithTheAttestationOnEachOne_AndInTheAuditLog_AndEmailsNobody()
    {
        var (editor, editorEmail) = await factory.AdminAsync();
        var one = Visitor.NewAddress("attested");
        var two = Visitor.NewAddress("attested");
        var attestation = "Signed the paper form at the London vigil, " + Guid.NewGuid().ToString("N")[..6];
        var outbox = await factory.OutboxCountAsync();

        var page = await editor.ImportAsync($"email,name\n{one},One Person\n{two},\n", null,
            ("AlreadyConsented", "true"), ("Attestation", "  " + attestation + " "), ("AttestedOn", "2025-06-14"));

        Assert.Null(page.QuerySelector("[role=alert]"));
        Assert.Equal("Imported: 2 added as Confirmed, on your attestation of their consent (no email sent). 0 already on the list or repeated in the file were skipped.",
            page.QuerySelector("[role=status]")!.Text());
        foreach (var email in new[] { one, two })
        {
            var stored = (await factory.SubscriberAsync(email))!;
            Assert.Equal(SubscriberStatus.Confirmed, stored.Status);
            Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.ConfirmedAt);
            Assert.Equal((attestation, new DateOnly(2025, 6, 14)), (stored.Consent.Attestation, stored.Consent.AttestedOn));
            Assert.Equal((ConsentWording.AttestedImportVersion, $"import by {editorEmail}"), (stored.Consent.Version, stored.Consent.Source));
        }
        // No confirmation: they are on the list already.
        await factory.RunSenderRoundAsync();
        Assert.Equal(outbox, await factory.OutboxCountAsync());
        Assert.Empty(factory.Smtp.MessagesTo(one));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SubscribersImportedConfirmed), a => a.Details!.Contains(attestation));
        Assert.Equal(editorEmail, audit.ActorName);
        Assert.Equal($"2 added, 0 duplicates skipped, 0 unsubscribed skipped; added as Confirmed on the importer's attestation that consent was given on 2025-06-14: {attestation}", audit.Details);

        // The admin sees it on the subscriber's page.
        var list = await editor.GetDocumentAsync("/admin/subscribers?q=" + Uri.EscapeDataString(one));
        var details = await editor.GetDocumentAsync(list.QuerySelector("tbody tr td:first-child a")!.GetAttribute("href")!);
        Assert.Contains($"Consent given on 2025-06-14: {attestation}", details.QuerySelector("main")!.Text());
    }

    [Theory]
    [InlineData("", "2025-06-14", "Attestation", "Say where and how these people gave their consent.")]
    [InlineData("At the vigil", "", "AttestedOn", "Enter the date the consent was given.")]
    [InlineData("At the vigil", "2999-01-01", "AttestedOn", "The date cannot be in the future.")]
    public async Task ImportingAsAlreadyConsented_WithoutWhereOrWhen_IsRefusedBesideTheField_ImportsNothing_AndKeepsWhatWasTyped(
        string attestation, string date, string field, string message)
    {
        var (editor, _) = await factory.AdminAsync();
        var email = Visitor.NewAddress("unattested");
        var subscribers = await factory.SubscriberCountAsync();
        var imports = (await factory.AuditAsync(AuditActions.SubscribersImportedConfirmed)).Count + (await factory.AuditAsync(AuditActions.SubscribersImported)).Count;

        var page = await editor.ImportAsync($"email\n{email}\n", null, ("AlreadyConsented", "true"), ("Attestation", attestation), ("AttestedOn", date));

        Assert.Equal(message, page.FieldError(field));
        Assert.Null(page.QuerySelector("[role=status]"));
        Assert.Null(await factory.SubscriberAsync(email));
        Assert.Equal(subscribers, await factory.SubscriberCountAsync());
        Assert.Equal(imports, (await factory.AuditAsync(AuditActions.SubscribersImportedConfirmed)).Count + (await factory.AuditAsync(AuditActions.SubscribersImported)).Count);
        Assert.True(page.QuerySelector("input[name=AlreadyConsented]")!.HasAttribute("checked"));
        Assert.Equal(attestation, page.QuerySelector("textarea[name=Attestation]")!.TextContent.Trim());
        Assert.Equal(date, page.QuerySelector("input[name=AttestedOn]")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task AnAttestationLongerThan500Characters_IsRefused()
    {
        var (editor, _) = await factory.AdminAsync();
        var email = Visitor.NewAddress("long");

        var page = await editor.ImportAsync($"email\n{email}\n", null, ("AlreadyConsented", "true"), ("Attestation", new string('x', 501)), ("AttestedOn", "2025-01-01"));

        Assert.Equal("Write at most 500 characters.", page.FieldError("Attestation"));
        Assert.Null(await factory.SubscriberAsync(email));
    }

    [Fact]
    public async Task AnEditor_CannotImportPeopleAsConfirmed_OnlyAsPending()
    {
        var (editor, _) = await factory.EditorAsync();
        var email = Visitor.NewAddress("vouched");

        var page = await editor.ImportAsync($"email\n{email}\n", null, ("AlreadyConsented", "true"), ("Attestation", "At the vigil"), ("AttestedOn", "2025-01-01"));

        Assert.Equal("Only an admin can import people as Confirmed. Import them as Pending: each gets a confirmation email.", page.FieldError("AlreadyConsented"));
        Assert.Null(await factory.SubscriberAsync(email));
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

public static class ImportPage
{
    /// <summary>Uploads <paramref name="csv"/> through /admin/subscribers/import as a browser would (multipart, field "Upload") and returns the page it answers with.</summary>
    public static async Task<IHtmlDocument> ImportAsync(this HttpClient editor, string csv, TimeSpan? answerWithin = null, params (string Name, string Value)[] fields)
    {
        var form = await editor.GetDocumentAsync("/admin/subscribers/import");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Upload", "subscribers.csv" },
        };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);

        var limit = answerWithin ?? TimeSpan.FromSeconds(30);
        using var timeout = new CancellationTokenSource(limit);
        HttpResponseMessage response;
        try
        {
            response = await editor.PostAsync("/admin/subscribers/import", content, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"The import did not answer within {limit.TotalSeconds:0} s.");
            throw;
        }
        using var disposeResponse = response;
        var body = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(body);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"The import answered {(int)response.StatusCode} \"{page.QuerySelector("h1")?.Text()}\": {page.QuerySelector("main")?.Text()}");
        return page;
    }
}
