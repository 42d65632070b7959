using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>The outbox when the mail server is down, comes back, or never does; and the pickup folder. Each test has its own site.</summary>
public class DeliveryTests
{
    [Fact]
    public async Task WithTheMailServerDown_SignUpStillSucceeds_AndTheMessageWaitsInTheOutbox_ThenIsDeliveredOnceWhenTheServerIsBack()
    {
        await using var factory = new MailServerDownFactory();
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("patient");

        await client.SignUpAndSeeThanksAsync(email, "Patient Reader");

        Assert.Equal(SubscriberStatus.Pending, (await factory.SubscriberAsync(email))!.Status);
        var waiting = (await Poll.UntilAsync(() => factory.OutboxToAsync(email), m => m.Count == 1 && m[0].Attempts > 0, "a failed delivery attempt"))[0];
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.False(string.IsNullOrEmpty(waiting.LastError));
        Assert.NotNull(waiting.TextBody);
        Assert.NotNull(waiting.HtmlBody);
        Assert.True(waiting.NextAttemptAt > factory.Clock.GetUtcNow().UtcDateTime, "The retry is not set for later.");
        // Until the retry time comes (on the app's clock) nothing more is tried.
        await factory.RunSenderRoundAsync();
        Assert.Equal(waiting.Attempts, (await factory.OutboxToAsync(email)).Single().Attempts);

        var smtp = factory.StartSmtpServer();
        factory.Clock.Advance(waiting.NextAttemptAt - factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        factory.WakeSender();

        var delivered = await factory.WaitForEmailsToAsync(email);
        var sent = (await factory.WaitUntilDeliveredAsync(email)).Single();
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(waiting.Attempts + 1, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Null(sent.TextBody);
        Assert.Null(sent.HtmlBody);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, sent.SentAt);

        // Later rounds of the sender send nothing again.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.RunSenderRoundAsync();
        Assert.Single(smtp.MessagesTo(email));
        Assert.Single(delivered);
        Assert.Contains("Hello Patient Reader,", delivered[0].TextBody);

        // And the link in it works.
        using var confirmed = await client.SubmitFormAsync(Mailbox.PathAndQuery(delivered[0].ConfirmLink()));
        Assert.Equal("/join/confirmed", confirmed.LandedOnPath());
    }

    [Fact]
    public async Task AfterTheLastTry_AMessageIsMarkedFailed_ShowsOnTheOutboxPage_AndRetryQueuesItAgain()
    {
        await using var factory = new MailServerDownFactory();
        var email = Visitor.NewAddress("unlucky");
        await factory.CreateClient().SignUpAndSeeThanksAsync(email);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var tried = attempt;
            await Poll.UntilAsync(() => factory.OutboxToAsync(email), m => m.Single().Attempts == tried, $"try {tried} to fail");
            factory.Clock.Advance(TimeSpan.FromHours(1));
            factory.WakeSender();
        }
        var failed = (await factory.OutboxToAsync(email)).Single();
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        // Failed stays failed: the sender does not try it again by itself.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.RunSenderRoundAsync();
        Assert.Equal((OutboxStatus.Failed, 3), (await factory.OutboxToAsync(email)).Select(m => (m.Status, m.Attempts)).Single());

        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var outbox = await editor.GetDocumentAsync("/admin/outbox");
        Assert.Equal("Failed (1)", outbox.QuerySelector(".tabs a[aria-current=page]")!.Text());
        var row = Assert.Single(outbox.QuerySelectorAll("tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.Equal(["confirmation", email, "3", failed.LastError!], cells.Skip(1).Take(4));

        using var retried = await editor.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!, "/admin/outbox");
        var after = await retried.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("1 message is queued again.", after.QuerySelector("[role=status]")!.Text());
        Assert.Empty(after.QuerySelectorAll("tbody tr"));
        var requeued = (await factory.OutboxToAsync(email)).Single();
        Assert.Equal(OutboxStatus.Queued, requeued.Status);
        var retryAudit = Assert.Single(await factory.AuditAsync(AuditActions.OutboxRetried));
        Assert.Equal(editorEmail, retryAudit.ActorName);

        // With the server back, the retried message goes out.
        var smtp = factory.StartSmtpServer();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        factory.WakeSender();
        await factory.WaitForEmailsToAsync(email);
        Assert.Equal(OutboxStatus.Sent, (await factory.WaitUntilDeliveredAsync(email)).Single().Status);
    }

    /// <summary>An event's reminder held up by a mail server that was down goes no more once the event has begun.</summary>
    [Fact]
    public async Task AMessagePastItsTime_WhileTheServerWasDown_IsSkipped_NotSentLate_AndTheOthersGo()
    {
        await using var factory = new MailServerDownFactory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>();
            var outbox = sp.GetRequiredService<Outbox>();
            await db.WriteAsync(_ =>
            {
                outbox.Queue(OutboxKinds.EventReminder, "late@example.org", new EmailContent("Reminder: A vigil", "It is soon.", "<p>It is soon.</p>"), expiresAt: now.AddHours(2));
                outbox.Queue(OutboxKinds.Confirmation, "still-useful@example.org", new EmailContent("Confirm", "Please confirm.", "<p>Please confirm.</p>"));
                return Task.CompletedTask;
            });
        });
        factory.WakeSender();
        await Poll.UntilAsync(() => factory.OutboxToAsync("late@example.org"), m => m.Single().Attempts > 0, "a failed try");

        // The server is back after the event has begun.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var smtp = factory.StartSmtpServer();
        factory.WakeSender();

        await factory.WaitForEmailsToAsync("still-useful@example.org");
        var late = Assert.Single(await Poll.UntilAsync(() => factory.OutboxToAsync("late@example.org"), m => m.Single().Status != OutboxStatus.Queued, "the late one decided"));
        Assert.Equal((OutboxStatus.Skipped, OutboxSender.TooLate), (late.Status, late.LastError));
        Assert.Empty(smtp.MessagesTo("late@example.org"));
    }

    /// <summary>Every failed message can be found, a hundred a page, newest first.</summary>
    [Fact]
    public async Task TheOutbox_ListsAHundredAPage_AndEveryMessageCanBeReached()
    {
        await using var factory = new MailServerDownFactory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>();
            db.OutboxMessages.AddRange(Enumerable.Range(1, 150).Select(i => new OutboxMessage
            {
                Kind = OutboxKinds.Update, To = $"failed-{i:D3}@example.org", Subject = "An update", TextBody = "", Status = OutboxStatus.Failed,
                CreatedAt = now, NextAttemptAt = now, Attempts = 8, LastError = "421 try again later",
            }));
            return await db.SaveChangesAsync();
        });
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var first = await editor.GetDocumentAsync("/admin/outbox?status=Failed");
        Assert.Equal(100, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("failed-150@example.org", first.QuerySelector("tbody tr td:nth-child(3)")!.Text());
        var pager = first.QuerySelector("nav[aria-label='Pages of failed messages']")!;
        Assert.Contains("Page 1 of 2", pager.Text());

        var second = await editor.GetDocumentAsync(pager.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(50, second.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("failed-001@example.org", second.QuerySelectorAll("tbody tr td:nth-child(3)").Last().Text());
        Assert.Equal("Failed (150)", second.QuerySelector(".tabs a[aria-current=page]")!.Text());
    }

    /// <summary>After an outage a send's failures are many: "Retry all" queues each again (in one statement), and no other.</summary>
    [Fact]
    public async Task RetryAll_QueuesEveryFailedMessageAgain_AndLeavesTheOthers()
    {
        await using var factory = new MailServerDownFactory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        OutboxMessage Message(string to, OutboxStatus status) => new()
        {
            Kind = OutboxKinds.Update, To = to, Subject = "An update", TextBody = "", Status = status, CreatedAt = now,
            NextAttemptAt = now.AddDays(1), Attempts = status == OutboxStatus.Failed ? 3 : 0, SentAt = status == OutboxStatus.Sent ? now : null,
            LastError = status == OutboxStatus.Failed ? "421 try again later" : null,
        };
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>();
            db.OutboxMessages.AddRange(Message("failed-1@example.org", OutboxStatus.Failed), Message("failed-2@example.org", OutboxStatus.Failed),
                Message("failed-3@example.org", OutboxStatus.Failed), Message("delivered@example.org", OutboxStatus.Sent));
            return await db.SaveChangesAsync();
        });
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var outbox = await editor.GetDocumentAsync("/admin/outbox");
        Assert.Equal("Failed (3)", outbox.QuerySelector(".tabs a[aria-current=page]")!.Text());

        var retryAll = outbox.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Retry all failed messages"));
        using var retried = await editor.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)retryAll, "/admin/outbox");
        var after = await retried.ReadDocumentAsync();

        Assert.Equal("3 messages are queued again.", after.QuerySelector("[role=status]")!.Text());
        Assert.Empty(after.QuerySelectorAll("tbody tr"));
        foreach (var to in new[] { "failed-1@example.org", "failed-2@example.org", "failed-3@example.org" })
        {
            // Queued with a fresh count of tries (the sender may already have made one, the server still down).
            var message = Assert.Single(await factory.OutboxToAsync(to));
            Assert.Equal(OutboxStatus.Queued, message.Status);
            Assert.True(message.Attempts <= 1, $"{to}: {message.Attempts} tries");
        }
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await factory.OutboxToAsync("delivered@example.org")).Status);
        var audit = Assert.Single(await factory.AuditAsync(AuditActions.OutboxRetried));
        Assert.Equal((editorEmail, "3 messages"), (audit.ActorName, audit.Details));
    }

    [Fact]
    public async Task WithAPickupFolder_TheConfirmationIsWrittenThereAsAnEmlFile_WhoseConfirmLinkWorks()
    {
        await using var factory = new PickupFolderFactory();
        var client = factory.CreateClient();
        var email = Visitor.NewAddress("folder");

        await client.SignUpAndSeeThanksAsync(email);

        var files = await Poll.UntilAsync(
            () => Task.FromResult(Directory.Exists(factory.PickupFolder) ? Directory.GetFiles(factory.PickupFolder) : []),
            f => f.Any(name => name.EndsWith(".eml")), "a .eml file in the pickup folder");
        var file = Assert.Single(files);
        Assert.EndsWith(".eml", file);
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal([email], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(OutboxStatus.Sent, (await factory.WaitUntilDeliveredAsync(email)).Single().Status);

        var page = await client.GetDocumentAsync(Mailbox.PathAndQuery(message.ConfirmLink()));
        Assert.Equal("Confirm your subscription", page.QuerySelector("h1")!.Text());
        using var confirmed = await client.SubmitAsync(page.Form(), Mailbox.PathAndQuery(message.ConfirmLink()));

        Assert.Equal("/join/confirmed", confirmed.LandedOnPath());
        Assert.Equal(SubscriberStatus.Confirmed, (await factory.SubscriberAsync(email))!.Status);
    }
}
