using System.Net;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>Many sign-ups at once on one SQLite file (with the outbox sender writing too): every one answered, none lost, no 500.</summary>
public class ConcurrencyTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task TwoHundredConcurrentSignUps_OfDistinctAddresses_AreAllAnsweredAndAllStored()
    {
        var prefix = "crowd-" + Guid.NewGuid().ToString("N")[..8];
        var emails = Enumerable.Range(0, 200).Select(i => $"{prefix}-{i}@example.org").ToList();

        var answers = await PostConcurrentlyAsync(emails);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Redirect && a.Location == "/join/thanks", $"{a.Email}: {(int)a.Status} {a.Location}"));
        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking()
            .Where(s => s.Email.StartsWith(prefix)).Select(s => new { s.Email, s.Status }).ToListAsync());
        Assert.Equal(emails.Order(), stored.Select(s => s.Email).Order());
        Assert.All(stored, s => Assert.Equal(SubscriberStatus.Pending, s.Status));
        var queued = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.CountAsync(m => m.To.StartsWith(prefix)));
        Assert.Equal(200, queued);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task FiftyConcurrentSignUps_OfOneAddress_StoreItOnce_AndSendOneEmail()
    {
        var email = Visitor.NewAddress("impatient");

        var answers = await PostConcurrentlyAsync(Enumerable.Repeat(email, 50).ToList());

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Redirect && a.Location == "/join/thanks", $"{(int)a.Status} {a.Location}"));
        var count = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.CountAsync(s => s.Email == email));
        Assert.Equal(1, count);
        Assert.Single(await factory.WaitUntilDeliveredAsync(email));
        Assert.Single(await factory.WaitForEmailsToAsync(email));
        AssertNoErrorsLogged();
    }

    /// <summary>One visitor's form token and cookie, then every POST at once.</summary>
    private async Task<List<(string Email, HttpStatusCode Status, string? Location)>> PostConcurrentlyAsync(IReadOnlyList<string> emails)
    {
        var client = factory.CreateNonRedirectingClient();
        var form = await client.GetDocumentAsync("/join");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var start = new SemaphoreSlim(0);

        var posts = emails.Select(async email =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsync("/join", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Consent"] = "true",
            }));
            return (email, response.StatusCode, response.Headers.Location?.OriginalString);
        }).ToList();
        start.Release(emails.Count);
        return (await Task.WhenAll(posts)).ToList();
    }

    private void AssertNoErrorsLogged()
    {
        var errors = factory.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
