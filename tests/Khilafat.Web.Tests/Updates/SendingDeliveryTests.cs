using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.Updates;

/// <summary>
/// Sending an update through the admin pages to a real SMTP server: who gets it and in which language, the list
/// headers and foot, pause, resume, cancel, a subscriber leaving mid-send, the progress page and the audit log. One
/// site for the class; each test's update has titles of its own, by which its messages are told apart.
/// </summary>
public class SendingDeliveryTests(SendingSiteFactory factory) : IClassFixture<SendingSiteFactory>
{
    /// <summary>
    /// A mail server down through every try ends a send with its messages failed. Retried from the outbox, they go:
    /// the send is sending again until they have, then finished with its figures counted again.
    /// </summary>
    /// <summary>
    /// "Email it to every subscriber when it is published", ticked with a publish time: the schedule publishes it and
    /// emails it then, with nobody at the desk; a run of the job repeated after a crash sends nothing twice.
    /// </summary>
    [Fact]
    public async Task AnUpdateScheduledWithItsEmail_GoesToEveryConfirmedSubscriber_WhenPublished_Once()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        await factory.AddSubscriberAsync("scheduled", "en", "GB");
        var title = $"Vigil at dawn {SendingTestKit.Tag()}";
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddHours(1);

        using var created = await editor.SubmitFormAsync("/admin/updates/create", Html.Values(("Input.Title", title), ("Input.Body", "We gather at dawn."),
            ("Input.PublishAt", FormFields.Field(at)), ("Input.EmailOnPublish", "true")),
            submitter: UpdateTestSupport.DraftButton);

        var page = await created.ReadDocumentAsync();
        Assert.Contains("and will be emailed to every subscriber then.", page.Status());
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.EmailOnPublish'][type=checkbox]")!).IsChecked);
        var id = AdminSite.IdFrom(created.LandedOn());
        Assert.Equal(editorEmail, (await factory.StoredUpdateAsync(id)).EmailOnPublishBy);
        await factory.RunDueJobsAsync();
        Assert.Empty(await SendsOfAsync(id));

        var audience = await factory.ConfirmedSubscribersAsync();
        factory.Clock.Advance(at - factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();

        var send = Assert.Single(await SendsOfAsync(id));
        Assert.Equal(editorEmail, send.CreatedBy);
        var done = await factory.DeliverAsync(send.Id);
        Assert.Equal((audience.Count, 0), (done!.Sent, done.Failed));
        var received = factory.Received(title);
        foreach (var subscriber in audience) Assert.Single(received[subscriber.Email]);
        Assert.Null((await factory.StoredUpdateAsync(id)).EmailOnPublishBy);

        // The job run again, as after a crash between the send's start and the request marked done (the job's claim
        // running out first): no second send.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Updates.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.EmailOnPublishBy, editorEmail)));
        await factory.WithScopeAsync(sp => sp.GetRequiredKeyedService<Khilafat.Web.Jobs.IJobHandler>(Khilafat.Web.Jobs.JobKinds.PublishUpdate).RunAsync(id.ToString(), default));
        Assert.Single(await SendsOfAsync(id));
        Assert.Null((await factory.StoredUpdateAsync(id)).EmailOnPublishBy);
    }

    private Task<List<UpdateSend>> SendsOfAsync(int updateId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.AsNoTracking().Where(s => s.UpdateId == updateId).ToListAsync());

    [Fact]
    public async Task ASendThatEndedWithFailures_GoesOnWhenTheyAreRetried_AndEndsWithTheRightFigures()
    {
        var (editor, _) = await factory.EditorAsync();
        var title = $"After the outage {SendingTestKit.Tag()}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", title, "The convoy arrived."));
        await factory.AddSubscriberAsync("outage", "en", "GB");
        var audience = await factory.ConfirmedSubscribersAsync();
        var (_, sendId, _) = await editor.StartSendAsync(id);
        await factory.DeliverAsync(sendId);
        // What the outage leaves: every message of the send failed after its last try, and the send finished with them.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            await db.OutboxMessages.Where(m => m.SendId == sendId).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.Attempts, 8).SetProperty(m => m.SentAt, (DateTime?)null).SetProperty(m => m.LastError, "Connection refused"));
            return await db.UpdateSends.Where(s => s.Id == sendId).ExecuteUpdateAsync(set => set.SetProperty(s => s.Sent, 0).SetProperty(s => s.Failed, audience.Count));
        });
        Assert.Equal("Finished", (await editor.GetDocumentAsync($"/admin/sends/{sendId}")).QuerySelector("main .tag")!.Text());

        var outbox = await editor.GetDocumentAsync("/admin/outbox?status=Failed");
        var retryAll = outbox.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Retry all failed messages"));
        using (var retried = await editor.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)retryAll, "/admin/outbox?status=Failed"))
            Assert.Contains("queued again.", (await retried.ReadDocumentAsync()).QuerySelector("[role=status]")!.Text());
        // Going on: sending again, or, when the sender (woken by the retry) was quicker than this look, already finished
        // with every message sent. A fresh clone's run once saw the second.
        var going = (await factory.ProgressAsync(sendId))!;
        Assert.True(going.Status == SendStatus.Sending || (going.Status == SendStatus.Finished && going.Sent == audience.Count && going.Failed == 0),
            $"After the retry the send is {going.Status}, {going.Sent} sent, {going.Failed} failed.");

        var done = await factory.DeliverAsync(sendId);
        Assert.Equal((audience.Count, 0), (done!.Sent, done.Failed));
        // Each got it again (the first delivery, counted as failed here, did reach them): the retry's, once.
        var received = factory.Received(title);
        foreach (var subscriber in audience) Assert.Equal(2, received[subscriber.Email].Count());
        var page = await editor.GetDocumentAsync($"/admin/sends/{sendId}");
        Assert.Equal(("Finished", audience.Count.ToString(), "0"), (page.QuerySelector("main .tag")!.Text(), page.Figures()["Sent"], page.Figures()["Failed"]));
    }

    [Fact]
    public async Task SendToEveryone_EachConfirmedSubscriberGetsOneMessageInTheirLanguage_UrduTheEnglish_AndNobodyElseGetsOne()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var (english, arabic) = ($"Relief reaches the north {tag}", $"وصول الإغاثة إلى الشمال {tag}");
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "The convoy **arrived**."), new UpdateText("ar", arabic, "وصلت القافلة."));
        await factory.AddSubscriberAsync("en", "en", "GB");
        await factory.AddSubscriberAsync("ar", "ar", "EG");
        var urdu = await factory.AddSubscriberAsync("ur", "ur", "PK");
        var pending = await factory.AddSubscriberAsync("pending", "en", "GB", SubscriberStatus.Pending);
        var left = await factory.AddSubscriberAsync("left", "ar", "EG", SubscriberStatus.Unsubscribed);
        var bouncing = await factory.AddSubscriberAsync("bouncing", "ur", "PK", bouncing: true);
        var audience = await factory.ConfirmedSubscribersAsync();

        var (progress, sendId, button) = await editor.StartSendAsync(id);

        Assert.Equal($"Send to {audience.Count} subscribers", button);
        Assert.Contains("The send has started.", progress.Status());
        var done = await factory.DeliverAsync(sendId);
        var received = factory.Received(english, arabic);
        Assert.Equal(audience.Select(s => s.Email).Order(), received.Select(g => g.Key).Order());
        foreach (var subscriber in audience)
        {
            var message = Assert.Single(received[subscriber.Email]);
            Assert.Equal(subscriber.Language == "ar" ? arabic : english, message.Subject);
            AssertListMessage(message, subscriber.Language, subscriber.Language == "ar" ? "ar" : "en");
        }
        Assert.Contains(urdu.Email, received.Select(g => g.Key));
        foreach (var outsider in new[] { pending, left, bouncing }) Assert.Empty(received[outsider.Email]);
        Assert.Equal((audience.Count, audience.Count, 0, 0, 0), (done!.Queued, done.Sent, done.Failed, done.Skipped, done.Remaining));

        var page = await editor.GetDocumentAsync($"/admin/sends/{sendId}");
        var figures = page.Figures();
        Assert.Equal("Finished", page.QuerySelector("main .tag")!.Text());
        Assert.Equal(audience.Count.ToString(), figures["Queued"]);
        Assert.Equal(audience.Count.ToString(), figures["Sent"]);
        Assert.Equal(("0", "0", "0"), (figures["Failed"], figures["Skipped"].Split(' ')[0], figures["Remaining"]));
        Assert.StartsWith("All confirmed subscribers; those whose language has no published translation get the English.", figures["To"]);
        Assert.EndsWith("by " + editorEmail, figures["Started"]);
        Assert.Null(page.QuerySelector("form[action*='handler=Pause']"));

        // Sent messages leave the outbox after 30 days (Maintenance); the send's figures stay.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.Where(m => m.SendId == sendId).ExecuteDeleteAsync());
        Assert.Equal((audience.Count, 0), ((await factory.ProgressAsync(sendId))!.Sent, (await factory.ProgressAsync(sendId))!.Remaining));

        var list = await editor.GetDocumentAsync("/admin/sends");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains(english));
        Assert.Equal(["Finished", $"{audience.Count}", $"{audience.Count}", "0", "0", editorEmail],
            row.QuerySelectorAll("td").Skip(1).Take(6).Select(td => td.Text()));
        Assert.Equal($"/admin/sends/{sendId}", row.QuerySelector("a")!.GetAttribute("href"));
        var started = Assert.Single(await factory.AuditAsync(AuditActions.SendStarted), e => e.Target == AuditTargets.Send(sendId));
        Assert.Equal(editorEmail, started.ActorName);
        Assert.Contains($"Update #{id}", started.Details!);
    }

    [Fact]
    public async Task ByLanguage_LeavingOutThoseWithoutATranslation_OnlyArabicSubscribersGetIt_InArabic()
    {
        var (editor, _) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var (english, arabic) = ($"Vigil tonight {tag}", $"وقفة الليلة {tag}");
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "Join us."), new UpdateText("ar", arabic, "انضموا إلينا."));
        await factory.AddSubscriberAsync("en", "en", "GB");
        await factory.AddSubscriberAsync("ar", "ar", "JO");
        var urdu = await factory.AddSubscriberAsync("ur", "ur", "PK");
        var arabicAudience = (await factory.ConfirmedSubscribersAsync()).Where(s => s.Language == "ar").ToList();

        using var review = await editor.ChooseAudienceAsync(id, "Review", "Languages", "Skip", languages: ["ar", "ur"]);
        var confirm = await review.ReadDocumentAsync();
        var summary = confirm.QuerySelectorAll(".send-summary dd").Select(dd => dd.Text()).ToList();
        Assert.Equal("Confirmed subscribers whose language is Arabic or Urdu", summary[0]);
        Assert.StartsWith("Are left out (", summary[1]);
        Assert.Equal($"{arabicAudience.Count} subscriber{(arabicAudience.Count == 1 ? "" : "s")}: {arabicAudience.Count} in Arabic", summary[2]);
        Assert.Equal(["Arabic"], confirm.QuerySelectorAll(".send-preview h3").Select(h => h.Text()));
        var (_, sendId, _) = await editor.StartSendAsync(id, "Languages", "Skip", languages: ["ar", "ur"]);
        await factory.DeliverAsync(sendId);

        var received = factory.Received(english, arabic);
        Assert.Equal(arabicAudience.Select(s => s.Email).Order(), received.Select(g => g.Key).Order());
        Assert.All(received, g => Assert.Equal(arabic, Assert.Single(g).Subject));
        Assert.Empty(received[urdu.Email]);
        var page = await editor.GetDocumentAsync($"/admin/sends/{sendId}");
        Assert.StartsWith("Confirmed subscribers whose language is Arabic or Urdu; those whose language has no published translation are left out.", page.Figures()["To"]);
    }

    [Fact]
    public async Task ByCountry_OnlySubscribersThereGetIt_EachInTheirLanguage()
    {
        var (editor, _) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var (english, arabic) = ($"Aid for Tunisia and Malta {tag}", $"مساعدات {tag}");
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "Aid."), new UpdateText("ar", arabic, "مساعدات."));
        // Tunisia and Malta are this test's own countries on the shared site.
        var inTunisia = await factory.AddSubscriberAsync("ar-tn", "ar", "TN");
        var urduInMalta = await factory.AddSubscriberAsync("ur-mt", "ur", "MT");
        var elsewhere = await factory.AddSubscriberAsync("en-gb", "en", "GB");
        var nowhere = await factory.AddSubscriberAsync("en-none", "en", null);

        var (_, sendId, button) = await editor.StartSendAsync(id, "Countries", countries: ["TN", "MT"]);
        Assert.Equal("Send to 2 subscribers", button);
        await factory.DeliverAsync(sendId);

        var received = factory.Received(english, arabic);
        Assert.Equal([inTunisia.Email, urduInMalta.Email], received.Select(g => g.Key).Order());
        Assert.Equal(arabic, Assert.Single(received[inTunisia.Email]).Subject);
        Assert.Equal(english, Assert.Single(received[urduInMalta.Email]).Subject);
        Assert.Empty(received[elsewhere.Email]);
        Assert.Empty(received[nowhere.Email]);
    }

    [Fact]
    public async Task Pause_HoldsTheRest_TheProgressPageStopsRefreshing_AndResume_SendsThem_BothAudited()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        var tag = SendingTestKit.Tag();
        var english = $"Paused news {tag}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "News."));
        var subscribers = new[] { await factory.AddSubscriberAsync("a", "en", "NZ"), await factory.AddSubscriberAsync("b", "ar", "NZ"), await factory.AddSubscriberAsync("c", "ur", "NZ") };
        await factory.HoldListMailAsync();

        var (_, sendId, _) = await editor.StartSendAsync(id, "Countries", countries: ["NZ"]);
        await factory.ExpandAsync(sendId);
        var url = $"/admin/sends/{sendId}";
        using (var going = await editor.GetAsync(url))
        {
            Assert.Equal("10", going.Headers.GetValues("Refresh").Single());
            var page = await going.ReadDocumentAsync();
            Assert.Equal("Sending", page.QuerySelector("main .tag")!.Text());
            Assert.Equal(("3", "0", "3"), (page.Figures()["Queued"], page.Figures()["Sent"], page.Figures()["Remaining"]));
            Assert.NotNull(page.QuerySelector($"a[href='{url}?refresh=off']"));
        }
        using (var still = await editor.GetAsync(url + "?refresh=off"))
        {
            Assert.False(still.Headers.Contains("Refresh"));
            Assert.Contains("This page does not update itself.", (await still.ReadDocumentAsync()).QuerySelector("main")!.Text());
        }

        using var paused = await editor.SubmitFormAsync(url, formSelector: "form[action*='handler=Pause']");
        var pausedPage = await paused.ReadDocumentAsync();
        Assert.Equal(url, paused.LandedOnPath());
        Assert.Equal("Paused: no more messages go until you resume.", pausedPage.Status());
        Assert.Equal("Paused", pausedPage.QuerySelector("main .tag")!.Text());
        Assert.Equal("Not while paused", pausedPage.Figures()["Estimated finish"]);
        Assert.False(paused.Headers.Contains("Refresh"));

        // The pace allows list mail again; the paused send still sends nothing.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.RunSenderRoundAsync();
        await factory.RunSenderRoundAsync();
        Assert.Empty(factory.Received(english));
        Assert.Equal((3, 0), ((await factory.ProgressAsync(sendId))!.Remaining, (await factory.ProgressAsync(sendId))!.Sent));

        using var resumed = await editor.SubmitFormAsync(url, formSelector: "form[action*='handler=Resume']");
        Assert.Equal("Resumed: the rest of the messages go out at the list's pace.", (await resumed.ReadDocumentAsync()).Status());
        var done = await factory.DeliverAsync(sendId);

        Assert.Equal(subscribers.Select(s => s.Email).Order(), factory.Received(english).Select(g => g.Key).Order());
        Assert.All(factory.Received(english), g => Assert.Single(g));
        Assert.Equal((3, 0), (done!.Sent, done.Skipped));
        var actions = (await factory.AuditEntriesAsync()).Where(e => e.Target == AuditTargets.Send(sendId)).Select(e => (e.Action, e.ActorName));
        Assert.Equal([(AuditActions.SendStarted, editorEmail), (AuditActions.SendPaused, editorEmail), (AuditActions.SendResumed, editorEmail)], actions);
        // Editors, who cannot open the audit log, see the same on the send's page.
        var history = (await editor.GetDocumentAsync(url)).QuerySelectorAll(".send-history li").Select(li => li.Text()).ToList();
        Assert.Equal(["Started", "Paused", "Resumed"], history.Select(h => h.Split(' ')[0]));
        Assert.All(history, h => Assert.Contains($" by {editorEmail}, ", h));
    }

    [Fact]
    public async Task Cancel_AsksFirst_ThenNothingMoreGoes_AndTheFiguresSaySo()
    {
        var (editor, editorEmail) = await factory.EditorAsync();
        var english = $"Cancelled news {SendingTestKit.Tag()}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "News."));
        await factory.AddSubscriberAsync("a", "en", "CL");
        await factory.AddSubscriberAsync("b", "en", "CL");
        await factory.HoldListMailAsync();
        var (_, sendId, _) = await editor.StartSendAsync(id, "Countries", countries: ["CL"]);
        await factory.ExpandAsync(sendId);
        var url = $"/admin/sends/{sendId}";

        var progress = await editor.GetDocumentAsync(url);
        var cancelLink = progress.QuerySelector("a[href$='/cancel']")!;
        Assert.Equal("Cancel the send…", cancelLink.Text());
        var ask = await editor.GetDocumentAsync(cancelLink.GetAttribute("href")!);
        Assert.Equal($"Cancel the send of “{english}”?", ask.QuerySelector("h1")!.Text());
        Assert.Contains("The 2 queued", ask.QuerySelector("main p")!.Text());
        Assert.Empty(await factory.AuditAsync(AuditActions.SendCancelled));

        using var cancelled = await editor.SubmitFormAsync($"{url}/cancel");
        var page = await cancelled.ReadDocumentAsync();

        Assert.Equal(url, cancelled.LandedOnPath());
        Assert.Equal("Cancelled: the messages not sent yet never will be.", page.Status());
        Assert.Equal("Cancelled", page.QuerySelector("main .tag")!.Text());
        Assert.Equal(("2", "0", "2", "0"), (page.Figures()["Queued"], page.Figures()["Sent"], page.Figures()["Skipped"].Split(' ')[0], page.Figures()["Remaining"]));
        Assert.Null(page.QuerySelector("form[action*='handler=Resume']"));
        Assert.False(cancelled.Headers.Contains("Refresh"));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.RunSenderRoundAsync();
        Assert.Empty(factory.Received(english));
        // The figures are kept on the send itself, for when the outbox has forgotten its messages.
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.AsNoTracking().SingleAsync(s => s.Id == sendId));
        Assert.Equal((SendStatus.Cancelled, 0, 2), (stored.Status, stored.Sent, stored.Skipped));
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.SendCancelled), e => e.Target == AuditTargets.Send(sendId));
        Assert.Equal(editorEmail, audit.ActorName);
        // A cancelled send cannot be cancelled or resumed again: its page sends the editor back to the progress.
        using var again = await editor.GetAsync($"{url}/cancel");
        Assert.Equal(url, again.LandedOnPath());
    }

    [Fact]
    public async Task ASubscriberWhoUnsubscribesAfterTheirMessageIsQueued_GetsNothing()
    {
        var (editor, _) = await factory.EditorAsync();
        var english = $"Mid-send news {SendingTestKit.Tag()}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "News."));
        var staying = await factory.AddSubscriberAsync("staying", "en", "AR");
        var leaving = await factory.AddSubscriberAsync("leaving", "en", "AR");
        await factory.HoldListMailAsync();
        var (_, sendId, _) = await editor.StartSendAsync(id, "Countries", countries: ["AR"]);
        await factory.ExpandAsync(sendId);
        Assert.Equal(2, (await factory.ProgressAsync(sendId))!.Queued);
        Assert.Single(await factory.OutboxToAsync(leaving.Email), m => m.SendId == sendId && m.Status == OutboxStatus.Queued);

        using var unsubscribed = await editor.SubmitFormAsync($"/admin/subscribers/details/{leaving.Id}", formSelector: "form[action*='handler=Unsubscribe']");
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.SubscriberAsync(leaving.Email))!.Status);
        var done = await factory.DeliverAsync(sendId);

        var received = factory.Received(english);
        Assert.Single(received[staying.Email]);
        Assert.Empty(received[leaving.Email]);
        Assert.Equal((2, 1, 1, 0), (done!.Queued, done.Sent, done.Skipped, done.Remaining));
        var page = await editor.GetDocumentAsync($"/admin/sends/{sendId}");
        Assert.Equal(("1", "1"), (page.Figures()["Sent"], page.Figures()["Skipped"].Split(' ')[0]));
    }

    [Fact]
    public async Task WhenTheLastQueuedSubscriberUnsubscribes_TheSendIsFinished_NotLeftSendingForEver()
    {
        var (editor, _) = await factory.EditorAsync();
        var english = $"Last one leaves {SendingTestKit.Tag()}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "News."));
        var only = await factory.AddSubscriberAsync("only", "ur", "UY");
        await factory.HoldListMailAsync();
        var (_, sendId, _) = await editor.StartSendAsync(id, "Countries", countries: ["UY"]);
        await factory.ExpandAsync(sendId);

        using var unsubscribed = await editor.SubmitFormAsync($"/admin/subscribers/details/{only.Id}", formSelector: "form[action*='handler=Unsubscribe']");

        using var response = await editor.GetAsync($"/admin/sends/{sendId}");
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Finished", page.QuerySelector("main .tag")!.Text());
        Assert.Equal(("1", "0", "1", "0"), (page.Figures()["Queued"], page.Figures()["Sent"], page.Figures()["Skipped"].Split(' ')[0], page.Figures()["Remaining"]));
        Assert.False(response.Headers.Contains("Refresh"));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.RunSenderRoundAsync();
        Assert.Empty(factory.Received(english));
    }

    [Fact]
    public async Task PressingSendTwice_StartsOneSend_AndEachSubscriberGetsOneMessage()
    {
        var (editor, _) = await factory.EditorAsync();
        var english = $"Pressed twice {SendingTestKit.Tag()}";
        var id = await factory.CreateUpdateAsync(new UpdateText("en", english, "News."));
        var subscribers = new[] { await factory.AddSubscriberAsync("a", "en", "IE"), await factory.AddSubscriberAsync("b", "ar", "IE") };
        using var review = await editor.ChooseAudienceAsync(id, "Review", "Countries", countries: ["IE"]);
        var confirm = (await review.ReadDocumentAsync()).Form();

        using var first = await editor.SubmitAsync(confirm, SendingTestKit.SendPage(id), submitter: "button[formaction*='handler=Send']");
        using var second = await editor.SubmitAsync(confirm, SendingTestKit.SendPage(id), submitter: "button[formaction*='handler=Send']");

        Assert.Equal(first.LandedOnPath(), second.LandedOnPath());
        Assert.Equal("This send had started already: the confirmation was pressed twice. Nothing goes twice.", (await second.ReadDocumentAsync()).Status());
        var sends = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().UpdateSends.Where(s => s.UpdateId == id).Select(s => s.Id).ToListAsync());
        var sendId = Assert.Single(sends);
        Assert.Equal($"/admin/sends/{sendId}", first.LandedOnPath());
        await factory.DeliverAsync(sendId);
        Assert.Equal(subscribers.Select(s => s.Email).Order(), factory.Received(english).Select(g => g.Key).Order());
        Assert.All(factory.Received(english), g => Assert.Single(g));
        Assert.Single(await factory.AuditAsync(AuditActions.SendStarted), e => e.Target == AuditTargets.Send(sendId));
    }

    /// <summary>What every list message carries: the RFC 8058 and list headers, the reason, how to leave, the postal address, the body in its language and direction.</summary>
    /// <summary>A list message to a reader of <paramref name="culture"/> whose words are in <paramref name="textCulture"/> (English, for want of a translation).</summary>
    private static void AssertListMessage(MimeMessage message, string culture, string textCulture)
    {
        Assert.Matches("^<https://localhost/unsubscribe/one-click\\?token=[^>]+>$", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("<updates\\.localhost>$", message.Headers["List-Id"]);
        Assert.Equal("bulk", message.Headers["Precedence"]);
        Assert.Contains(SendingSiteFactory.PostalAddress, message.TextBody);
        Assert.Contains(SendingSiteFactory.PostalAddress, message.HtmlBody);
        // Around the words, and in every link, the reader's own language.
        var unsubscribe = culture == "en" ? "https://localhost/unsubscribe?token=" : $"https://localhost/{culture}/unsubscribe?token=";
        Assert.Contains(unsubscribe, message.TextBody);
        Assert.Contains(unsubscribe, message.HtmlBody);
        var html = Html.Parse(message.HtmlBody!);
        Assert.Equal((culture, culture == "en" ? "ltr" : "rtl"), (html.DocumentElement.GetAttribute("lang"), html.DocumentElement.GetAttribute("dir")));
        Assert.Contains(culture switch
        {
            "en" => "You receive this email because you joined the",
            "ar" => "تصلك هذه الرسالة لأنك انضممت إلى قائمة",
            _ => "آپ کو یہ ای میل اس لیے ملی ہے کہ آپ",
        }, message.TextBody);
        if (textCulture == "en")
        {
            // The plain text reads as the words, not their Markdown.
            Assert.Contains("The convoy arrived.", message.TextBody);
            Assert.DoesNotContain("**", message.TextBody);
            Assert.Contains("<strong>arrived</strong>", message.HtmlBody);
        }
        else
        {
            Assert.Contains("وصلت القافلة.", message.TextBody);
        }
        if (culture != textCulture)
        {
            // The English in an Urdu message: said to be untranslated, in Urdu, and marked English for readers and screen readers.
            Assert.StartsWith("اس متن کا ابھی اس زبان میں ترجمہ نہیں ہوا۔", message.TextBody);
            var words = html.QuerySelectorAll("div[lang]").Single(d => d.QuerySelector("strong") is not null);
            Assert.Equal(("en", "ltr"), (words.GetAttribute("lang"), words.GetAttribute("dir")));
        }
    }
}
