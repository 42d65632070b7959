using AngleSharp.Html.Dom;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Jobs;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Khilafat.Web.Tests.Updates;

/// <summary>
/// The site with mail to a real SMTP server, a postal address for the list's mail, and a pace for list mail
/// (1,000 a second) that runs on the test's clock: while the clock stands still, a send goes no further than the
/// batch the pace allows, so a test can hold it (<see cref="SendingTestKit.HoldListMailAsync"/>) and let it go.
/// </summary>
public class SendingSiteFactory : MailSiteFactory
{
    public const string PostalAddress = "Khilafat Movement, PO Box 1924, London";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Sending:PerSecond", "1000"),
        new("Sending:PostalAddress", PostalAddress),
    ]);
}

/// <summary>Updates and subscribers made straight in the database, and the background work of a send run on demand.</summary>
public static class SendingTestKit
{
    /// <summary>A unique word for a test's titles and addresses, so its messages are told apart from other tests' on a shared site.</summary>
    public static string Tag() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The addresses every confirmed subscriber who does not bounce has, as the list is now (on this shared site, other tests' too).</summary>
    public static Task<List<Subscriber>> ConfirmedSubscribersAsync(this SiteFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Confirmed && s.BouncingSince == null).ToListAsync());

    /// <summary>Spends the list's pace for the next minute of the site's clock: list mail waits until the clock moves past it.</summary>
    public static Task HoldListMailAsync(this SiteFactory factory) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var until = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
            await db.WriteAsync(async c =>
            {
                var slot = await db.SendThrottles.FirstOrDefaultAsync(t => t.Id == 1, c);
                if (slot is null) db.SendThrottles.Add(new SendThrottle { Id = 1, NextSlotAt = until });
                else slot.NextSlotAt = until;
            });
        });

    /// <summary>
    /// Runs the send's expansion now rather than at the job runner's next poll, and waits (bounded) until every
    /// message of it is queued: the background runner may have claimed the job first, and then it is its to finish.
    /// </summary>
    public static Task<SendProgress?> ExpandAsync(this SiteFactory factory, int sendId) =>
        Poll.UntilAsync(async () =>
        {
            await factory.RunDueJobsAsync();
            return await factory.ProgressAsync(sendId);
        }, p => p is { Expanded: true }, $"send {sendId} to be expanded");

    public static Task<SendProgress?> ProgressAsync(this SiteFactory factory, int sendId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<UpdateSends>().ProgressAsync(sendId));

    /// <summary>
    /// Lets a send run to its end: expands it, and moves the site's clock a second at a time (the list's pace allows a
    /// batch each time) until the send is finished. Bounded, as every wait in the tests, but by 30 s rather than 10: a
    /// send held by the pace for a minute of the site's clock needs 60 rounds before its first batch, and a fresh-clone
    /// run (both suites at once, at their start) once took longer than 10 s for them.
    /// </summary>
    public static Task<SendProgress?> DeliverAsync(this MailSiteFactory factory, int sendId) =>
        Poll.UntilAsync(async () =>
        {
            await factory.RunDueJobsAsync();
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            factory.WakeSender();
            return await factory.ProgressAsync(sendId);
        }, p => p is { Status: SendStatus.Finished }, $"send {sendId} to finish", TimeSpan.FromSeconds(30));

    /// <summary>Every message the SMTP server received whose subject is one of <paramref name="subjects"/>, by recipient.</summary>
    public static ILookup<string, MimeMessage> Received(this MailSiteFactory factory, params string[] subjects) =>
        factory.Smtp.Received().Select(Mailbox.Parse).Where(m => subjects.Contains(m.Subject))
            .ToLookup(m => m.To.Mailboxes.Single().Address);

    /// <summary>Fills in the audience on the send page and presses <paramref name="button"/> (Count, Review).</summary>
    public static async Task<HttpResponseMessage> ChooseAudienceAsync(this HttpClient editor, int updateId, string button,
        string audience = "Everyone", string missing = "SendEnglish", string[]? languages = null, string[]? countries = null)
    {
        var url = SendPage(updateId);
        var page = await editor.GetDocumentAsync(url);
        var values = new List<KeyValuePair<string, string>> { new("Input.Audience", audience), new("Input.MissingTranslation", missing) };
        values.AddRange((languages ?? []).Select(l => new KeyValuePair<string, string>("Input.Languages", l)));
        values.AddRange((countries ?? []).Select(c => new KeyValuePair<string, string>("Input.Countries", c)));
        return await editor.SubmitAsync(page.Form(), url, values, $"button[formaction*='handler={button}']");
    }

    /// <summary>Goes from the send page to the confirmation step, and presses "Send to N subscribers"; returns the progress page it lands on.</summary>
    public static async Task<(IHtmlDocument Progress, int SendId, string SendButton)> StartSendAsync(this HttpClient editor, int updateId,
        string audience = "Everyone", string missing = "SendEnglish", string[]? languages = null, string[]? countries = null)
    {
        using var review = await editor.ChooseAudienceAsync(updateId, "Review", audience, missing, languages, countries);
        var confirm = await review.ReadDocumentAsync();
        var button = confirm.QuerySelector("button[formaction*='handler=Send']");
        Assert.True(button is not null, "No send button on the confirmation step: " + Html.Shorten(confirm.QuerySelector("main")?.Text() ?? ""));
        using var sent = await editor.SubmitAsync(confirm.Form(), SendPage(updateId), submitter: "button[formaction*='handler=Send']");
        Assert.Matches(@"^/admin/sends/\d+$", sent.LandedOnPath());
        return (await sent.ReadDocumentAsync(), AdminSite.IdFrom(sent.LandedOnPath()), button!.Text());
    }

    public static string SendPage(int updateId) => $"/admin/updates/{updateId}/send";

    /// <summary>The figures of a progress page, by their label.</summary>
    public static Dictionary<string, string> Figures(this IHtmlDocument page) =>
        page.QuerySelectorAll(".send-figures dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
}
