using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Ical.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Content;
using Khilafat.Web.Events;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;

namespace Khilafat.Web.Tests.Events;

/// <summary>What visitors see of events: the list, an event in its own time zone, in Arabic and Urdu, the calendars and the sitemap.</summary>
public class EventPublicTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>6 pm in Karachi (UTC+5, no daylight saving) <paramref name="days"/> from now: 13:00 UTC.</summary>
    private DateTime KarachiEvening(int days) => Now.Date.AddDays(days).AddHours(13);

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    [Fact]
    public async Task AnEventInEnglishOnly_NamesItsEnglishAddressAsCanonical_InArabic()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Canonical vigil"), Now.AddDays(20));

        var arabic = await _visitor.GetDocumentAsync($"/ar/events/{slug}");

        Assert.EndsWith($"://localhost/events/{slug}", arabic.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["en", "x-default"], arabic.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")));
    }

    [Fact]
    public async Task AnEventInKarachi_IsShownInKarachiTime_LabelledWithItsZone_OnThePageAndInTheFeed()
    {
        var title = NewTitle("Karachi vigil");
        var start = KarachiEvening(6);
        var (id, slug) = await factory.CreateEventAsync(title, start, zone: "Asia/Karachi", place: "Frere Hall, Karachi", onlineUrl: "https://meet.example.org/secret-room");

        var page = await _visitor.GetDocumentAsync("/events/" + slug);
        var when = page.QuerySelector(".event-facts .event-when")!.Text();
        var local = start.AddHours(5);
        Assert.StartsWith(local.ToString("dddd d MMMM yyyy, 18:00", CultureInfo.GetCultureInfo("en")), when);
        Assert.Contains("(Asia/Karachi time, UTC+05:00)", when);
        // In Arabic, the day and month in Arabic and Arabic's comma, in the time and before the offset.
        var arabic = (await _visitor.GetDocumentAsync("/ar/events/" + slug)).QuerySelector(".event-facts .event-when")!.Text();
        Assert.StartsWith(local.ToString("dddd d MMMM yyyy، 18:00", CultureInfo.GetCultureInfo("ar")), arabic);
        Assert.EndsWith("، UTC+05:00)", arabic);
        Assert.DoesNotContain(",", arabic);
        var place = (await _visitor.GetDocumentAsync("/ar/events/" + slug)).QuerySelector(".event-facts dd span[dir=auto]")!;
        Assert.Equal(("Frere Hall, Karachi", "en"), (place.Text(), place.GetAttribute("lang")));
        Assert.Null(page.QuerySelector(".event-facts dd span[dir=auto]")!.GetAttribute("lang"));
        Assert.Equal(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), page.QuerySelector(".event-when time")!.GetAttribute("datetime"));
        var map = page.QuerySelector("a[href^='https://www.openstreetmap.org/search']")!;
        Assert.Equal("https://www.openstreetmap.org/search?query=Frere%20Hall%2C%20Karachi", map.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("iframe, img[src^='http'], script[src^='http']"));
        Assert.DoesNotContain("secret-room", page.DocumentElement.OuterHtml);

        var feedText = await _visitor.GetStringAsync("/events/feed.ics");
        Assert.DoesNotContain("secret-room", feedText);
        var item = Assert.Single(Parse(feedText).Events, e => e.Summary == title);
        Assert.Equal("Asia/Karachi", item.DtStart!.TzId);
        Assert.Equal(18, item.DtStart.Hour);
        Assert.Equal(start, item.DtStart.AsUtc);
        Assert.Contains("TZID=Asia/Karachi", feedText);
        Assert.Contains("BEGIN:VTIMEZONE", feedText);
        Assert.Equal("Frere Hall, Karachi", item.Location);
        Assert.Equal(EventCalendar.Uid(id, "localhost"), item.Uid);
    }

    [Fact]
    public async Task TheCalendars_KeepTheUid_AndRaiseTheSequence_AcrossAnEdit_AndSayCancelled()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Talk on justice");
        var (id, slug) = await factory.CreateEventAsync(title, KarachiEvening(8));

        using var download = await _visitor.GetAsync($"/events/{slug}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{slug}.ics", download.Content.Headers.ContentDisposition!.ToString());
        var before = Assert.Single(Parse(await download.Content.ReadAsStringAsync()).Events);

        using (await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(("Input.Title", title + " (new hall)"), ("Input.Place", "The new hall")),
            submitter: "button[formaction*='handler=Save']")) { }
        // A calendar asking with the tag of what it has gets the change, not 304.
        using var asked = new HttpRequestMessage(HttpMethod.Get, $"/events/{slug}/calendar.ics") { Headers = { IfNoneMatch = { download.Headers.ETag! } } };
        using var changed = await _visitor.SendAsync(asked);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var askedAgain = new HttpRequestMessage(HttpMethod.Get, $"/events/{slug}/calendar.ics") { Headers = { IfNoneMatch = { changed.Headers.ETag! } } };
        Assert.Equal(HttpStatusCode.NotModified, (await _visitor.SendAsync(askedAgain)).StatusCode);
        var after = Assert.Single(Parse(await _visitor.GetStringAsync($"/events/{slug}/calendar.ics")).Events);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} then {after.Sequence}");
        Assert.Equal(title + " (new hall)", after.Summary);
        Assert.Equal("The new hall", after.Location);
        Assert.Equal("CONFIRMED", after.Status);

        using (await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(("Cancel.Reason", "Storm warning.")), formSelector: "form[action*='handler=Cancel']")) { }
        var feed = Parse(await _visitor.GetStringAsync("/events/feed.ics"));
        var cancelled = Assert.Single(feed.Events, e => e.Uid == before.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > after.Sequence);
        Assert.Contains("Storm warning.", cancelled.Description);
    }

    [Fact]
    public async Task TheList_ShowsUpcomingFirst_ThenPast_AndTheSitemapListsEveryEvent()
    {
        var soon = NewTitle("Soon");
        var later = NewTitle("Later");
        var past = NewTitle("Past");
        var (_, pastSlug) = await factory.CreateEventAsync(past, Now.AddDays(-3));
        await factory.CreateEventAsync(later, Now.AddDays(20));
        var (_, soonSlug) = await factory.CreateEventAsync(soon, Now.AddDays(2));
        var (_, draftSlug) = await factory.CreateEventAsync(NewTitle("Draft"), Now.AddDays(4), publish: false);

        var page = await _visitor.GetDocumentAsync("/events");
        var upcoming = page.QuerySelectorAll("section[aria-labelledby='upcoming-heading'] h3").Select(h => h.Text()).ToList();
        Assert.True(upcoming.IndexOf(soon) >= 0 && upcoming.IndexOf(soon) < upcoming.IndexOf(later), string.Join(", ", upcoming));
        Assert.DoesNotContain(past, upcoming);
        Assert.Contains(past, page.QuerySelectorAll("section[aria-labelledby='past-heading'] h3").Select(h => h.Text()));
        Assert.DoesNotContain("Draft", page.QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync("/events/" + draftSlug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _visitor.GetAsync($"/events/{draftSlug}/calendar.ics")).StatusCode);
        // A past event takes no answers.
        Assert.Empty((await _visitor.GetDocumentAsync("/events/" + pastSlug)).QuerySelectorAll($"a[href='/events/{pastSlug}/rsvp']"));

        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(await _visitor.GetStringAsync("/sitemap.xml")).Descendants(sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://localhost/events", locations);
        Assert.Contains($"https://localhost/events/{soonSlug}", locations);
        // Listed in the languages it is published in, as updates are: this one is in English only.
        Assert.DoesNotContain($"https://localhost/ar/events/{soonSlug}", locations);
        Assert.DoesNotContain($"https://localhost/events/{draftSlug}", locations);

        // Upcoming events for /act: soonest first, not the past.
        var forAct = await factory.WithScopeAsync(sp => sp.GetRequiredService<EventReader>().UpcomingAsync("en", 50));
        Assert.True(forAct.ToList().FindIndex(e => e.Title == soon) < forAct.ToList().FindIndex(e => e.Title == later));
        Assert.DoesNotContain(forAct, e => e.Title == past);
    }

    [Fact]
    public async Task TheActPage_ListsTheNextEvents_WithALinkToAll_AndNotCancelledOnes()
    {
        var next = NewTitle("Vigil at dusk");
        var (_, slug) = await factory.CreateEventAsync(next, Now.AddMinutes(5));

        var act = await _visitor.GetDocumentAsync("/act");
        var section = act.QuerySelector("section.upcoming-events")!;
        Assert.Contains(next, section.QuerySelectorAll("h3").Select(h => h.Text()));
        Assert.NotNull(section.QuerySelector($"a[href='/events/{slug}']"));
        Assert.NotNull(section.QuerySelector("a[href='/events']"));
        Assert.True(section.QuerySelectorAll("h3").Length <= 3);

        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.WithScopeAsync(sp => sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>().Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync());
        using (await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(("Cancel.Reason", "Storm warning.")), formSelector: "form[action*='handler=Cancel']")) { }
        Assert.DoesNotContain(next, (await _visitor.GetDocumentAsync("/act")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task PublishingATranslation_RaisesTheSequence_SoTheLanguagesFeedUpdatesItsEvent()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("March for relief"), KarachiEvening(9));
        var uid = EventCalendar.Uid(id, "localhost");
        var before = Assert.Single(Parse(await _visitor.GetStringAsync("/ar/events/feed.ics")).Events, e => e.Uid == uid);

        using (var published = await editor.SubmitFormAsync($"/admin/events/translate/{id}/ar",
            Html.Values(("Input.Title", "مسيرة من أجل الإغاثة"), ("Input.Body", "نسير بسلام.")), submitter: "button[formaction*='handler=Publish']"))
        {
            Assert.Contains("Published", (await published.ReadDocumentAsync()).Status());
        }

        var after = Assert.Single(Parse(await _visitor.GetStringAsync("/ar/events/feed.ics")).Events, e => e.Uid == uid);
        Assert.Equal("مسيرة من أجل الإغاثة", after.Summary);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} then {after.Sequence}");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("ur")]
    public async Task ArabicAndUrduCalendars_WriteTheirNumbersAsTheStandardDoes_WithoutDirectionMarks(string culture)
    {
        // London's summer time starts on the last Sunday of March: a rule with a negative number in it.
        var (_, slug) = await factory.CreateEventAsync(NewTitle("London vigil"), KarachiEvening(9), zone: "Europe/London");

        foreach (var path in new[] { $"/{culture}/events/{slug}/calendar.ics", $"/{culture}/events/feed.ics" })
        {
            var text = await _visitor.GetStringAsync(path);
            Assert.Contains("BYDAY=-1SU", text);
            Assert.DoesNotContain(text, c => c is '\u061C' or '\u200E' or '\u200F');
        }
    }

    [Theory]
    [InlineData("ar", "rtl", "الفعاليات القادمة", "الأماكن المتبقية")]
    [InlineData("ur", "rtl", "آنے والی تقریبات", "باقی جگہیں")]
    public async Task ArabicAndUrduPages_AreInTheirLanguage_WithTheTranslationWhenPublished(string culture, string direction, string upcomingHeading, string placesLeft)
    {
        var title = NewTitle("Vigil");
        var (id, slug) = await factory.CreateEventAsync(title, KarachiEvening(7), zone: "Asia/Karachi");
        var translated = culture == "ar" ? "وقفة من أجل غزة" : "غزہ کے لیے دعائیہ اجتماع";
        await factory.WithScopeAsync(sp => sp.GetRequiredService<TextEditor>()
            .SaveAsync(EventEditor.Item(id, slug), culture, 0, new TextInput(translated, "", "نص"), TextChange.Publish, Khilafat.Web.Audit.Actor.System));

        var list = await _visitor.GetDocumentAsync($"/{culture}/events");
        Assert.Equal(culture, list.DocumentElement.GetAttribute("lang"));
        Assert.Equal(direction, list.DocumentElement.GetAttribute("dir"));
        Assert.Equal(upcomingHeading, list.QuerySelector("#upcoming-heading")!.Text());
        Assert.Contains(translated, list.QuerySelectorAll(".event-list h3 a").Select(a => a.Text()));
        Assert.Contains(list.QuerySelectorAll(".event-list h3 a"), a => a.GetAttribute("href") == $"/{culture}/events/{slug}");

        var page = await _visitor.GetDocumentAsync($"/{culture}/events/{slug}");
        Assert.Equal(translated, page.QuerySelector("h1")!.Text());
        Assert.Contains(placesLeft, page.QuerySelectorAll(".event-facts dt").Select(d => d.Text()));
        Assert.Contains("Asia/Karachi", page.QuerySelector(".event-when")!.Text());
        Assert.Null(page.QuerySelector(".notice[role=note]:not(.event-state)"));
        var rsvp = await _visitor.GetDocumentAsync($"/{culture}/events/{slug}/rsvp");
        Assert.Equal(culture, rsvp.DocumentElement.GetAttribute("lang"));

        var feed = Parse(await _visitor.GetStringAsync($"/{culture}/events/feed.ics"));
        Assert.Contains(feed.Events, e => e.Summary == translated);
    }

    [Fact]
    public async Task AnEventsPage_DescribesItForSearchEngines_InItsOwnTime_WithoutTheJoinLink_AndSaysWhenItIsCancelled()
    {
        // A title that would end the script element, were it written into the page as typed.
        var title = NewTitle("Vigil </script><script>alert(1)</script>");
        var (id, slug) = await factory.CreateEventAsync(title, KarachiEvening(8), place: "Frere Hall, Karachi", zone: "Asia/Karachi",
            onlineUrl: "https://meet.example.org/secret-room");

        var response = await _visitor.GetAsync($"/events/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-room", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("<script type=\"application/ld+json\">{", html);
        var page = Html.Parse(html);
        var data = Html.JsonLd(page);
        Assert.Equal("https://schema.org", (string?)data["@context"]);
        Assert.Equal("Event", (string?)data["@type"]);
        Assert.Equal(title, (string?)data["name"]);
        // 6 pm where it happens, with that place's offset.
        Assert.Equal(KarachiEvening(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T18:00:00+05:00", (string?)data["startDate"]);
        Assert.Equal(KarachiEvening(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T20:00:00+05:00", (string?)data["endDate"]);
        Assert.Equal("https://schema.org/EventScheduled", (string?)data["eventStatus"]);
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", (string?)data["eventAttendanceMode"]);
        var locations = data["location"]!.AsArray();
        Assert.Equal(("Place", "Frere Hall, Karachi"), ((string?)locations[0]!["@type"], (string?)locations[0]!["name"]));
        // Online, it names the event's own page: the room's link is for confirmed attendees only.
        Assert.Equal(("VirtualLocation", $"https://localhost/events/{slug}"), ((string?)locations[1]!["@type"], (string?)locations[1]!["url"]));
        Assert.Equal($"https://localhost/events/{slug}", (string?)data["url"]);
        Assert.Equal(("Khilafat Movement", "https://localhost/"), ((string?)data["organizer"]!["name"], (string?)data["organizer"]!["url"]));
        Assert.Equal("en", (string?)data["inLanguage"]);

        // In Arabic, untranslated: the English text, said to be English, at the Arabic address, by the movement's Arabic name.
        var arabic = Html.JsonLd(await _visitor.GetDocumentAsync($"/ar/events/{slug}"));
        Assert.Equal(("en", $"https://localhost/ar/events/{slug}"), ((string?)arabic["inLanguage"], (string?)arabic["url"]));
        Assert.Equal("حركة الخلافة", (string?)arabic["organizer"]!["name"]);

        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().CancelAsync(id, "Storm warning.", Khilafat.Web.Audit.Actor.System));
        Assert.Equal("https://schema.org/EventCancelled", (string?)Html.JsonLd(await _visitor.GetDocumentAsync($"/events/{slug}"))["eventStatus"]);
    }
}
