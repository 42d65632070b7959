using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;

namespace Khilafat.Web.Tests.Events;

/// <summary>
/// An attendee's own calendar of an online event: "Add it to my calendar" in their emails gives them the event with its
/// join link while they hold a place, the same entry (UID, SEQUENCE) as the public calendar, which never has the link.
/// </summary>
public class AttendeeCalendarTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private const string OwnCalendar = "/events/rsvp/my-calendar.ics";

    private readonly HttpClient _visitor = factory.CreateClient();

    private static CalendarEventText ParseOne(string text) => new(Assert.Single(Ical.Net.Calendar.Load(text)!.Events));

    [Fact]
    public async Task AConfirmedAttendeesCalendar_CarriesTheJoinLink_InTheSameEntryAsThePublicOne_WhichNeverHasIt()
    {
        var start = factory.InDays(10);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Online talk"), start, place: "", onlineUrl: "https://meet.example.org/talk-room");
        var email = Visitor.NewAddress("own-calendar");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Yusuf", email);

        var details = (await factory.EmailsToAsync(email)).Single(m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.DoesNotContain($"/events/{slug}/calendar.ics", details.TextBody);
        var own = details.LinkTo(OwnCalendar);
        Assert.Contains($"Add it to my calendar:\nhttps://localhost{own}", details.TextBody);

        using var download = await _visitor.GetAsync(own);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{slug}.ics", download.Content.Headers.ContentDisposition!.ToString());
        Assert.True(download.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {download.Headers.CacheControl}");
        Assert.Equal(["noindex"], download.Headers.GetValues("X-Robots-Tag"));
        var mine = ParseOne(await download.Content.ReadAsStringAsync());
        Assert.StartsWith("Join online: https://meet.example.org/talk-room\n", mine.Description);
        // An online event has no place: its link is where the place would be, as calendars show it.
        Assert.Equal("https://meet.example.org/talk-room", mine.Location);

        var publicText = await _visitor.GetStringAsync($"/events/{slug}/calendar.ics");
        Assert.DoesNotContain("meet.example.org", publicText);
        var shared = ParseOne(publicText);
        Assert.Equal(EventCalendar.Uid(id, "localhost"), mine.Uid);
        Assert.Equal((shared.Uid, shared.Sequence), (mine.Uid, mine.Sequence));

        // Calendar programs and link checkers ask HEAD too.
        using var head = await _visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, own));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Headers.CacheControl is { NoStore: true, Private: true });

        // The reminder links the attendee's own calendar too.
        factory.Clock.Advance(start - TimeSpan.FromHours(23) - factory.Clock.GetUtcNow().UtcDateTime);
        await factory.RunDueJobsAsync();
        var reminder = (await factory.EmailsToAsync(email)).Single(m => m.Kind == OutboxKinds.EventReminder);
        Assert.Equal(own, reminder.LinkTo(OwnCalendar));
    }

    [Fact]
    public async Task ALinkThatIsNotOne_IsNotFound_NeverAnError()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Online vigil"), factory.InDays(11), onlineUrl: "https://meet.example.org/vigil");
        var email = Visitor.NewAddress("tampered");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Maryam", email);
        var details = (await factory.EmailsToAsync(email)).Single(m => m.Kind == OutboxKinds.RsvpDetails);
        var token = details.LinkTo(OwnCalendar).Split("token=")[1];
        var cancelToken = details.LinkTo("/events/rsvp/cancel").Split("token=")[1];

        // One character changed (the first: the last carries unused bits), the cancel link's token, a cut one, none, nonsense.
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        foreach (var query in new[] { "?token=" + tampered, "?token=" + cancelToken, "?token=" + token[..^2], "", "?token=", "?token=%00%FF<>", "?token=" + new string('x', 500) })
        {
            using var response = await _visitor.GetAsync(OwnCalendar + query);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{query}: {(int)response.StatusCode}");
            Assert.DoesNotContain("meet.example.org", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task WithoutAPlace_TheAttendeesCalendarHasNoJoinLink_AndTheirEmailsLinkThePublicOne()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Online study circle"), factory.InDays(12), capacity: 1, maxParty: 1,
            onlineUrl: "https://meet.example.org/circle");
        var (first, second, third) = (Visitor.NewAddress("first"), Visitor.NewAddress("second"), Visitor.NewAddress("third"));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "First", first);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Second", second);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Third", third);
        var firstLink = (await factory.EmailsToAsync(first)).Single(m => m.Kind == OutboxKinds.RsvpDetails).LinkTo(OwnCalendar);

        // Waiting for a place: their email links the public calendar, and a link of their own (had they one) has no join link.
        var waiting = (await factory.EmailsToAsync(second)).Single(m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.Contains($"/events/{slug}/calendar.ics", waiting.TextBody);
        Assert.DoesNotContain(OwnCalendar, waiting.TextBody);
        var secondId = (await factory.RsvpsAsync(id)).Single(r => r.Email == second).Id;
        var signed = await factory.Services.GetRequiredService<SiteKeys>().SignAsync(EventEmails.CalendarPurpose, secondId);
        var whileWaiting = await _visitor.GetStringAsync(OwnCalendar + "?token=" + signed);
        Assert.DoesNotContain("meet.example.org", whileWaiting);
        Assert.Equal(EventCalendar.Uid(id, "localhost"), ParseOne(whileWaiting).Uid);

        // The first cancels: their link gives the event without the link; the second gets the place, and their own calendar.
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync(first)).Single(m => m.Kind == OutboxKinds.RsvpDetails).LinkTo("/events/rsvp/cancel"))) { }
        using (var cancelled = await _visitor.GetAsync(firstLink))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.DoesNotContain("meet.example.org", await cancelled.Content.ReadAsStringAsync());
        }
        var promoted = (await factory.EmailsToAsync(second)).Last(m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.StartsWith("A place is free for you", promoted.Subject);
        Assert.Contains("Join online: https://meet.example.org/circle", ParseOne(await _visitor.GetStringAsync(promoted.LinkTo(OwnCalendar))).Description);

        // Told of a new date: the one holding the place gets their own calendar, the one still waiting the public one.
        var moved = factory.InDays(14);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().PostponeAsync(id, moved, moved.AddHours(2), "The teacher is ill.", Actor.System));
        await factory.RunDueJobsAsync();
        Assert.Contains(OwnCalendar, (await factory.EmailsToAsync(second)).Single(m => m.Kind == OutboxKinds.EventNotice).TextBody);
        var toWaiting = (await factory.EmailsToAsync(third)).Single(m => m.Kind == OutboxKinds.EventNotice);
        Assert.DoesNotContain(OwnCalendar, toWaiting.TextBody);
        Assert.Contains($"/events/{slug}/calendar.ics", toWaiting.TextBody);

        // Thirty days after the event its attendees are erased: their links are then of no one.
        factory.Clock.Advance(moved.AddDays(31) - factory.Clock.GetUtcNow().UtcDateTime);
        await factory.RunDueJobsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync(promoted.LinkTo(OwnCalendar))).StatusCode);
    }

    [Fact]
    public async Task AnArabicAttendeesCalendar_IsInArabic_WithTheJoinLinkBesideThePlace()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Hybrid talk"), factory.InDays(9), place: "Frere Hall, Karachi", onlineUrl: "https://meet.example.org/hybrid");
        var email = Visitor.NewAddress("arabic-calendar");
        using (await factory.AnswerAsync(_visitor, slug, "سارة", email, culture: "ar")) { }
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync(email)).Last().LinkTo("/events/rsvp/confirm"))) { }

        var details = (await factory.EmailsToAsync(email)).Single(m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.Contains("أضفها إلى تقويمي:\nhttps://localhost" + OwnCalendar, details.TextBody);
        var mine = ParseOne(await _visitor.GetStringAsync(details.LinkTo(OwnCalendar)));
        Assert.StartsWith("انضم عبر الإنترنت: https://meet.example.org/hybrid\n", mine.Description);
        Assert.Equal("Frere Hall, Karachi", mine.Location);
        Assert.Equal($"https://localhost/ar/events/{slug}", mine.Url);
    }

    /// <summary>What a calendar program reads of the one event in a file.</summary>
    private sealed record CalendarEventText(string Uid, int Sequence, string Description, string? Location, string? Url)
    {
        public CalendarEventText(Ical.Net.CalendarComponents.CalendarEvent e) : this(e.Uid!, e.Sequence, e.Description ?? "", e.Location, e.Url?.ToString()) { }
    }
}
