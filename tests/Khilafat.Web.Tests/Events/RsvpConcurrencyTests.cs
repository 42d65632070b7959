using System.Net;
using Khilafat.Web.Data;
using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;

namespace Khilafat.Web.Tests.Events;

/// <summary>
/// Fifty people press "confirm" at the same moment for an event's last five places: never more confirmed than there
/// are places, the rest waitlisted, every press answered. Runs on SQLite and, in the suite's PostgreSQL pass, on PostgreSQL.
/// </summary>
public class RsvpConcurrencyTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    [Fact]
    public async Task FiftyConcurrentConfirmations_ForTheLastPlaces_NeverTakeMoreThanThereAre()
    {
        const int capacity = 10;
        var (id, _) = await factory.CreateEventAsync(NewTitle("Crowded vigil"), factory.Clock.GetUtcNow().UtcDateTime.AddDays(3), capacity: capacity, maxParty: 5);
        var tokens = await SeedAsync(id, alreadyTaken: 5, pending: 50);

        var client = factory.CreateNonRedirectingClient();
        var page = await client.GetDocumentAsync("/events/rsvp/confirm?token=" + tokens[0]);
        var antiforgery = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var start = new SemaphoreSlim(0);
        var presses = tokens.Select(async token =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsync("/events/rsvp/confirm", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery, ["Token"] = token,
            }));
            return (response.StatusCode, Title: (await response.ReadDocumentAsync()).QuerySelector("h1")?.Text());
        }).ToList();
        start.Release(tokens.Count);
        var answers = await Task.WhenAll(presses);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK && a.Title is "You are coming" or "You are on the waitlist", $"{(int)a.StatusCode} {a.Title}"));
        var rsvps = await factory.RsvpsAsync(id);
        var taken = rsvps.Where(r => r.Status == RsvpStatus.Confirmed).Sum(r => r.PartySize);
        Assert.True(taken <= capacity, $"{taken} places given of {capacity}");
        Assert.Equal(answers.Count(a => a.Title == "You are coming"), rsvps.Count(r => r.Status == RsvpStatus.Confirmed) - 1);
        Assert.Equal(answers.Count(a => a.Title == "You are on the waitlist"), rsvps.Count(r => r.Status == RsvpStatus.Waitlisted));
        Assert.DoesNotContain(rsvps, r => r.Status == RsvpStatus.Pending);
        // Whoever waits did not fit when they confirmed, and nobody waiting would fit in what is left now.
        Assert.All(rsvps.Where(r => r.Status == RsvpStatus.Waitlisted), r => Assert.True(r.PartySize > capacity - taken));
        var shown = (await factory.CreateClient().GetDocumentAsync("/events/" + (await factory.StoredEventAsync(id)).Slug)).QuerySelectorAll(".event-facts dd")[2].Text();
        Assert.Equal(taken == capacity ? "None: new answers join the waitlist" : $"{capacity - taken} of {capacity}", shown);
    }

    /// <summary>A confirmed answer holding <paramref name="alreadyTaken"/> places, and <paramref name="pending"/> answers of 1 or 2 people waiting to be confirmed; returns their links' tokens.</summary>
    private Task<List<string>> SeedAsync(int eventId, int alreadyTaken, int pending) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SiteDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Consent Consent() => new() { Version = RsvpConsent.Version, Text = RsvpConsent.Text, GivenAt = now, Source = "/events" };
        var tokens = new List<string>();
        await db.WriteAsync(async c =>
        {
            db.Rsvps.Add(new Rsvp { EventId = eventId, Name = "Early", Email = Visitor.NewAddress("early"), PartySize = alreadyTaken, Status = RsvpStatus.Confirmed, CreatedAt = now, ConfirmedAt = now, PlaceGivenAt = now, Consent = Consent() });
            for (var i = 0; i < pending; i++)
            {
                var (token, hash) = SiteKeys.NewToken();
                tokens.Add(token);
                db.Rsvps.Add(new Rsvp
                {
                    EventId = eventId, Name = $"Person {i}", Email = Visitor.NewAddress($"person{i}"), PartySize = 1 + i % 2, Status = RsvpStatus.Pending, CreatedAt = now,
                    ConfirmTokenHash = hash, ConfirmTokenExpiresAt = now.AddDays(7), Consent = Consent(),
                });
            }
            await db.SaveChangesAsync(c);
        });
        return tokens;
    });
}
