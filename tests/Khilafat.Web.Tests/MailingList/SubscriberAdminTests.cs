using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>An editor looking at one subscriber, unsubscribing, handing over and erasing their data.</summary>
public class SubscriberAdminTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    /// <summary>Someone who joined through /join (and whose confirmation email went out), and an editor on their page.</summary>
    private async Task<(HttpClient Editor, string EditorEmail, Subscriber Subscriber, string DetailsPath)> SubscriberAndEditorAsync(string name = "Amina Khan")
    {
        var email = Visitor.NewAddress("subject");
        await factory.CreateClient().SignUpAndSeeThanksAsync(email, name, "PK");
        await factory.WaitUntilDeliveredAsync(email);
        var subscriber = (await factory.SubscriberAsync(email))!;

        var (editor, editorEmail) = await factory.EditorAsync();
        var list = await editor.GetDocumentAsync("/admin/subscribers?q=" + Uri.EscapeDataString(email));
        var link = Assert.Single(list.QuerySelectorAll("tbody tr td:first-child a"));
        Assert.Equal(email, link.Text());
        return (editor, editorEmail, subscriber, link.GetAttribute("href")!);
    }

    [Fact]
    public async Task ASubscribersPage_ShowsTheirDetailsAndConsentRecord()
    {
        var (editor, _, subscriber, detailsPath) = await SubscriberAndEditorAsync();

        var page = await editor.GetDocumentAsync(detailsPath);

        Assert.Equal(subscriber.Email, page.QuerySelector("h1")!.Text());
        var facts = Facts(page);
        Assert.Equal("Pending", facts["Status"]);
        Assert.Equal("Amina Khan", facts["Name"]);
        Assert.Equal("Pakistan (PK)", facts["Country"]);
        Assert.Equal($"{subscriber.Consent.GivenAt:yyyy-MM-dd HH:mm:ss} UTC, on /join", facts["Given"]);
        Assert.Equal(ConsentWording.Text, facts[$"Wording (version {ConsentWording.Version})"]);
        // Nothing of the address they joined from: the site keeps none.
        Assert.DoesNotContain("IP address", facts.Keys);
        Assert.DoesNotContain(MailSiteFactory.DefaultClientAddress.ToString(), page.DocumentElement.OuterHtml);
        Assert.DoesNotContain((await factory.Services.GetRequiredService<SiteKeys>().HashIpAsync(MailSiteFactory.DefaultClientAddress))!, page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task UnsubscribeThem_UnsubscribesTheSubscriber_AndIsAudited()
    {
        var (editor, editorEmail, subscriber, detailsPath) = await SubscriberAndEditorAsync();
        var page = await editor.GetDocumentAsync(detailsPath);

        using var response = await editor.SubmitAsync(page.Form("form[action*='handler=Unsubscribe']"), detailsPath);
        var after = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(detailsPath, response.LandedOnPath());
        Assert.Equal("Unsubscribed. The address gets no more email from the list.", after.QuerySelector("[role=status]")!.Text());
        Assert.Equal("Unsubscribed", Facts(after)["Status"]);
        Assert.Null(after.QuerySelector("form[action*='handler=Unsubscribe']"));
        var stored = await factory.SubscriberAsync(subscriber.Email);
        Assert.Equal(SubscriberStatus.Unsubscribed, stored!.Status);
        Assert.Null(stored.Name);
        var audit = (await factory.AuditAsync(AuditActions.SubscriberUnsubscribed)).Single(a => a.Target == $"subscriber:#{subscriber.Id}");
        Assert.Equal(editorEmail, audit.ActorName);
    }

    [Fact]
    public async Task DownloadTheirData_GivesAJsonFileWithTheirAddressConsentAndEmails_AndIsAudited()
    {
        var (editor, editorEmail, subscriber, detailsPath) = await SubscriberAndEditorAsync();
        var page = await editor.GetDocumentAsync(detailsPath);

        using var response = await editor.SubmitAsync(page.Form("form[action*='handler=Data']"), detailsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement;
        Assert.Equal(subscriber.Email, data.GetProperty("Email").GetString());
        Assert.Equal("Amina Khan", data.GetProperty("Name").GetString());
        Assert.Equal("Pending", data.GetProperty("Status").GetString());
        var consent = data.GetProperty("Consent");
        Assert.Equal(ConsentWording.Version, consent.GetProperty("Version").GetString());
        Assert.Equal(ConsentWording.Text, consent.GetProperty("Text").GetString());
        Assert.Equal("/join", consent.GetProperty("Source").GetString());
        var emails = data.GetProperty("Emails").EnumerateArray().ToList();
        Assert.Equal("confirmation", Assert.Single(emails).GetProperty("Kind").GetString());
        var audit = (await factory.AuditAsync(AuditActions.SubscriberDataDownloaded)).Single(a => a.Target == $"subscriber:#{subscriber.Id}");
        Assert.Equal(editorEmail, audit.ActorName);
    }

    [Fact]
    public async Task DownloadTheirData_WritesArabicAndUrduReadably_AsAUtf8Attachment()
    {
        var (editor, _, subscriber, detailsPath) = await SubscriberAndEditorAsync("فاطمة علی");
        var page = await editor.GetDocumentAsync(detailsPath);

        using var response = await editor.SubmitAsync(page.Form("form[action*='handler=Data']"), detailsPath);

        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"Name\": \"فاطمة علی\"", text);
        Assert.DoesNotContain("\\u06", text);
        Assert.Equal("فاطمة علی", JsonDocument.Parse(text).RootElement.GetProperty("Name").GetString());
        Assert.Equal(subscriber.Email, JsonDocument.Parse(text).RootElement.GetProperty("Email").GetString());
    }

    [Fact]
    public async Task Erasing_AsksFirst_ThenRemovesTheSubscriberAndTheirEmails_LeavingOnlyACountAndAnAuditEntryWithoutTheAddress()
    {
        var (editor, editorEmail, subscriber, detailsPath) = await SubscriberAndEditorAsync("Erasable Person");
        var details = await editor.GetDocumentAsync(detailsPath);
        var erasePath = details.QuerySelector("main a.button-danger")!.GetAttribute("href")!;
        var erasedBefore = await ErasedCountShownAsync(editor);

        var ask = await editor.GetDocumentAsync(erasePath);

        Assert.Equal($"Erase {subscriber.Email}?", ask.QuerySelector("h1")!.Text());
        Assert.NotNull(await factory.SubscriberAsync(subscriber.Email));

        using var response = await editor.SubmitAsync(ask.Form(), erasePath);
        var list = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/admin/subscribers", response.LandedOnPath());
        Assert.Equal("The subscriber is erased: their address, details, consent record and emails are gone.", list.QuerySelector("[role=status]")!.Text());
        Assert.DoesNotContain(subscriber.Email, list.DocumentElement.OuterHtml);
        Assert.Contains($"{erasedBefore + 1} erased on request", list.QuerySelector("main")!.Text());
        Assert.Null(await factory.SubscriberAsync(subscriber.Email));
        var leftovers = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages
            .CountAsync(m => m.SubscriberId == subscriber.Id || m.To == subscriber.Email));
        Assert.Equal(0, leftovers);
        var audit = (await factory.AuditAsync(AuditActions.SubscriberErased)).Single(a => a.Target == $"subscriber:#{subscriber.Id}");
        Assert.Equal(editorEmail, audit.ActorName);
        // Nothing in the audit log names them, or their name.
        var mentions = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().AuditEntries
            .CountAsync(a => (a.Target != null && (a.Target.Contains(subscriber.Email) || a.Target.Contains("Erasable"))) ||
                             (a.Details != null && (a.Details.Contains(subscriber.Email) || a.Details.Contains("Erasable")))));
        Assert.Equal(0, mentions);
        // Their page is gone.
        using var gone = await editor.GetAsync(detailsPath);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task ErasingASubscriber_AlsoRemovesMailStillWaitingForThem()
    {
        var (editor, _, subscriber, detailsPath) = await SubscriberAndEditorAsync();
        // A second confirmation, still queued when the erasure comes: the sender is not told about it.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = "confirmation", To = subscriber.Email, Subject = "Confirm", TextBody = "text", HtmlBody = "<p>html</p>",
                SubscriberId = subscriber.Id, Status = OutboxStatus.Queued,
                CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, NextAttemptAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(1),
            });
            await db.SaveChangesAsync();
        });
        var erasePath = (await editor.GetDocumentAsync(detailsPath)).QuerySelector("main a.button-danger")!.GetAttribute("href")!;

        using (await editor.SubmitFormAsync(erasePath)) { }

        Assert.Empty(await factory.OutboxToAsync(subscriber.Email));
    }

    /// <summary>On PostgreSQL erasures run side by side: each must still add one to the count, none overwrite another's.</summary>
    [Fact]
    public async Task ErasuresAtTheSameTime_AreEachCounted()
    {
        const int erasures = 12;
        var (editor, _) = await factory.EditorAsync();
        var erasedBefore = await ErasedCountShownAsync(editor);
        var ids = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var subscribers = Enumerable.Range(0, erasures).Select(_ => new Subscriber
            {
                Email = Visitor.NewAddress("erased-at-once"), Status = SubscriberStatus.Confirmed, CreatedAt = now,
                Consent = new Consent { Version = ConsentWording.Version, Text = ConsentWording.Text, GivenAt = now, Source = "/join" },
            }).ToList();
            await db.WriteAsync(_ =>
            {
                db.Subscribers.AddRange(subscribers);
                return Task.CompletedTask;
            });
            return subscribers.Select(s => s.Id).ToList();
        });
        using var start = new SemaphoreSlim(0);

        var erased = ids.Select(id => factory.WithScopeAsync(async sp =>
        {
            await start.WaitAsync();
            return await sp.GetRequiredService<SubscriberAdministration>().EraseAsync(id, new Actor(null, "editor"));
        })).ToList();
        start.Release(erasures);

        Assert.All(await Task.WhenAll(erased), Assert.True);
        Assert.Equal(erasedBefore + erasures, await ErasedCountShownAsync(editor));
    }

    private async Task<int> ErasedCountShownAsync(HttpClient editor)
    {
        var text = (await editor.GetDocumentAsync("/admin/subscribers")).QuerySelector("main")!.Text();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"(\d+) erased on request");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    /// <summary>The page's definition lists as term → description.</summary>
    private static Dictionary<string, string> Facts(IHtmlDocument page) =>
        page.QuerySelectorAll("main dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
}
