using System.Globalization;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Events;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;
using static Khilafat.Web.Tests.Infrastructure.FormFields;

namespace Khilafat.Web.Tests.Events;

/// <summary>Editors' side: making an event in its own time zone, mistakes told beside the fields, the RSVP list and export, check-in at the door.</summary>
public class EventAdminTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AnEditor_CreatesAnEvent_WithTimesEnteredInItsOwnZone()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Iftar drive");
        var day = Now.Date.AddDays(10);
        using var created = await editor.SubmitFormAsync("/admin/events/create", Html.Values(
            ("Input.Title", title), ("Input.Body", "Bring food to share."), ("Input.TimeZone", "Asia/Karachi"),
            ("Input.StartsAt", Field(day.AddHours(18))), ("Input.EndsAt", Field(day.AddHours(21))), ("Input.Place", "Frere Hall, Karachi"),
            ("Input.Capacity", "80"), ("Input.MaxPartySize", "4")), submitter: "button[formaction*='handler=Publish']");

        var id = AdminSite.IdFrom(created.LandedOn());
        var stored = await factory.StoredEventAsync(id);
        Assert.Equal(DateTime.SpecifyKind(day.AddHours(13), DateTimeKind.Utc), stored.StartsAt);
        Assert.Equal(DateTime.SpecifyKind(day.AddHours(16), DateTimeKind.Utc), stored.EndsAt);
        Assert.Equal("Asia/Karachi", stored.TimeZone);
        Assert.Equal(80, stored.Capacity);
        // The editor reads the times back as entered.
        var form = (await editor.GetDocumentAsync($"/admin/events/edit/{id}")).Form();
        Assert.Equal(Field(day.AddHours(18)), ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("[name='Input.StartsAt']")!).Value);
        Assert.Contains(title, (await editor.GetDocumentAsync("/admin/events")).QuerySelector("main")!.Text());
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventCreated && e.Target == "event:" + stored.Slug);
        Assert.Equal(title, (await _visitor.GetDocumentAsync("/events/" + stored.Slug)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Mistakes_AreToldBesideTheFields_AndNothingIsSaved()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Broken");
        var day = Now.Date.AddDays(10);
        using var wrongZone = await editor.SubmitFormAsync("/admin/events/create", Html.Values(
            ("Input.Title", title), ("Input.Body", "x"), ("Input.TimeZone", "Mars/Olympus"),
            ("Input.StartsAt", Field(day.AddHours(18))), ("Input.EndsAt", Field(day.AddHours(21))), ("Input.Place", "Somewhere"), ("Input.Capacity", "10")),
            submitter: "button[formaction*='handler=Draft']");
        Assert.Equal("Enter a time zone by its IANA name, such as Asia/Karachi or Europe/London.", (await wrongZone.ReadDocumentAsync()).FieldError("Input.TimeZone"));

        using var backwards = await editor.SubmitFormAsync("/admin/events/create", Html.Values(
            ("Input.Title", title), ("Input.Body", "x"), ("Input.TimeZone", "UTC"), ("Input.OnlineUrl", "javascript:alert(1)"),
            ("Input.StartsAt", Field(day.AddHours(18))), ("Input.EndsAt", Field(day.AddHours(17))), ("Input.Place", "Somewhere"), ("Input.Capacity", "10")),
            submitter: "button[formaction*='handler=Draft']");
        var page = await backwards.ReadDocumentAsync();
        Assert.Equal("The end must be after the start.", page.FieldError("Input.EndsAt"));
        Assert.Equal("Enter a full web address starting with https://, or leave it empty.", page.FieldError("Input.OnlineUrl"));

        // A year with a digit too many, or 9999, left DateTime's range in the reminder's scheduling: an error page.
        using var farOff = await editor.SubmitFormAsync("/admin/events/create", Html.Values(
            ("Input.Title", title), ("Input.Body", "x"), ("Input.TimeZone", "Pacific/Kiritimati"),
            ("Input.StartsAt", "9999-12-31T20:00"), ("Input.EndsAt", "9999-12-31T23:59"), ("Input.Place", "Somewhere"), ("Input.Capacity", "10")),
            submitter: "button[formaction*='handler=Publish']");
        Assert.Equal(System.Net.HttpStatusCode.OK, farOff.StatusCode);
        Assert.Equal("Choose a date in the years 2000 to 2199.", (await farOff.ReadDocumentAsync()).FieldError("Input.StartsAt"));

        // A number that cannot be read hides none of the other mistakes: all of them are told at once, in the site's words.
        using var several = await editor.SubmitFormAsync("/admin/events/create", Html.Values(
            ("Input.Title", ""), ("Input.Body", "x"), ("Input.TimeZone", "UTC"), ("Input.Capacity", "abc"), ("Input.MaxPartySize", "4"),
            ("Input.StartsAt", Field(day.AddHours(18))), ("Input.EndsAt", Field(day.AddHours(17))), ("Input.Place", "")),
            submitter: "button[formaction*='handler=Draft']");
        var all = await several.ReadDocumentAsync();
        Assert.Equal(("Enter a title.", "This value is not valid.", "The end must be after the start.", "Enter the place, or an online link, or both."),
            (all.FieldError("Input.Title"), all.FieldError("Input.Capacity"), all.FieldError("Input.EndsAt"), all.FieldError("Input.Place")));
        Assert.Null(all.FieldError("Input.MaxPartySize"));
        Assert.DoesNotContain(title, (await editor.GetDocumentAsync("/admin/events")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AnEditorsSlip_NeitherMovesAComingEventIntoThePast_NorGivesItFewerPlacesThanAreTaken()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var start = factory.InWholeHours(TimeSpan.FromDays(6));
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil kept"), start, capacity: 10);
        var attendee = Visitor.NewAddress("kept-safe");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Kept Safe", attendee, people: 3);

        // A year typed wrong would have ended the event at once and erased its attendees by the next round.
        var typo = start.AddYears(-6);
        using (var past = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(
            ("Input.StartsAt", Field(typo)), ("Input.EndsAt", Field(typo.AddHours(2)))), submitter: "button[formaction*='handler=Save']"))
        {
            var page = await past.ReadDocumentAsync();
            Assert.Equal("The event has not taken place: its new start must be in the future. To call it off, cancel it.", page.FieldError("Input.StartsAt"));
            Assert.Equal(Field(typo), ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("[name='Input.StartsAt']")!).Value);
        }
        using (var fewer = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(("Input.Capacity", "2")), submitter: "button[formaction*='handler=Save']"))
            Assert.Equal("3 places are taken already: enter at least 3.", (await fewer.ReadDocumentAsync()).FieldError("Input.Capacity"));

        await factory.RunDueJobsAsync();
        var stored = await factory.StoredEventAsync(id);
        Assert.Equal((start, 10), (stored.StartsAt, stored.Capacity));
        Assert.Equal(attendee, Assert.Single(await factory.RsvpsAsync(id)).Email);
        Assert.DoesNotContain(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventAttendeesErased && e.Target == AuditTargets.Event(id));

        // Three places is enough, and a time later the same day is no slip.
        using (var three = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(("Input.Capacity", "3"), ("Input.MaxPartySize", "3"),
            ("Input.StartsAt", Field(start.AddHours(1))), ("Input.EndsAt", Field(start.AddHours(3)))), submitter: "button[formaction*='handler=Save']"))
            Assert.Equal($"/admin/events/edit/{id}", three.LandedOn());
        stored = await factory.StoredEventAsync(id);
        Assert.Equal((start.AddHours(1), 3), (stored.StartsAt, stored.Capacity));
    }

    [Fact]
    public async Task TheRsvpList_ShowsTheWaitlistInOrder_AndItsExportIsAuditLogged()
    {
        var (editor, editorEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Small talk"), Now.AddDays(5), capacity: 1, maxParty: 1);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "=Danger Name", Visitor.NewAddress("first"));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Second Person", Visitor.NewAddress("second"));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Third Person", Visitor.NewAddress("third"));

        var page = await editor.GetDocumentAsync($"/admin/events/rsvps/{id}");
        Assert.Contains("Places taken: 1 of 1 · Waiting: 2", page.QuerySelector(".rsvp-counts")!.Text());
        var waitlist = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.Text() == "Waitlist, in order");
        Assert.Equal(["Second Person", "Third Person"], waitlist.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.Text()));
        // Times in the site's zone, named in the heading, as the petition's signatures are.
        Assert.Equal("Confirmed (UTC)", waitlist.QuerySelectorAll("thead th").Last().Text());
        Assert.Equal(2, waitlist.QuerySelectorAll("tbody time[datetime$='Z']").Length);

        using var export = await editor.GetAsync($"/admin/events/rsvps/{id}?handler=Export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("name,email,people,status", lines[0]);
        Assert.Equal(4, lines.Length);
        // A visitor's name is never a spreadsheet formula.
        Assert.Contains(lines, l => l.StartsWith("\"'=Danger Name\"", StringComparison.Ordinal) || l.StartsWith("'=Danger Name", StringComparison.Ordinal));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventRsvpsExported && e.Target == AuditTargets.Event(id) && e.ActorName == editorEmail);
    }

    [Fact]
    public async Task AtTheDoor_AnEditorFindsSomeoneByName_AndTicksThemIn()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Door"), Now.AddDays(3));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Yusuf Karim", Visitor.NewAddress("yusuf"), people: 2);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Zainab Ali", Visitor.NewAddress("zainab"));

        var found = await editor.GetDocumentAsync($"/admin/events/checkin/{id}?search=yus");
        var rows = found.QuerySelectorAll(".checkin-list li");
        Assert.Equal("Yusuf Karim · 2", Assert.Single(rows).QuerySelector(".checkin-name")!.Text());

        using var ticked = await editor.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)rows[0].QuerySelector("form")!, $"/admin/events/checkin/{id}?search=yus");
        var after = await ticked.ReadDocumentAsync();
        Assert.Equal($"/admin/events/checkin/{id}?search=yus", ticked.LandedOn());
        Assert.Equal("Arrived", after.QuerySelector(".checkin-list .tag")!.Text());
        Assert.Contains("Arrived: 2 of 3", after.QuerySelector("main")!.Text());
        Assert.NotNull((await factory.RsvpsAsync(id)).Single(r => r.Name == "Yusuf Karim").ArrivedAt);
        Assert.Null((await factory.RsvpsAsync(id)).Single(r => r.Name == "Zainab Ali").ArrivedAt);
    }

    /// <summary>A big event at the door: the page shows a phone's worth of names, and search finds anyone.</summary>
    [Fact]
    public async Task AtTheDoorOfABigEvent_ThePageShowsTheFirstHundred_AndSearchFindsAnyone()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await factory.CreateEventAsync(NewTitle("Big vigil"), Now.AddDays(3), capacity: 500);
        const int confirmed = EventAdministration.CheckInShown + 30;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>();
            db.Rsvps.AddRange(Enumerable.Range(1, confirmed).Select(i => new Rsvp
            {
                EventId = id, Name = $"Attendee {i:D3}", Email = $"attendee-{i}-{id}@example.org", PartySize = 1, Status = RsvpStatus.Confirmed,
                CreatedAt = Now, ConfirmedAt = Now, PlaceGivenAt = Now,
                Consent = new Khilafat.Web.MailingList.Consent { Version = "rsvp-test", Text = "I agree.", GivenAt = Now, Source = "/events" },
            }));
            return await db.SaveChangesAsync();
        });

        var page = await editor.GetDocumentAsync($"/admin/events/checkin/{id}");
        Assert.Equal(EventAdministration.CheckInShown, page.QuerySelectorAll(".checkin-list li").Length);
        Assert.Equal("Attendee 001 · 1", page.QuerySelector(".checkin-list .checkin-name")!.Text());
        Assert.Contains($"The first {EventAdministration.CheckInShown} of {confirmed} by name: search to find someone.", page.QuerySelector("main")!.Text());
        Assert.Contains($"Arrived: 0 of {confirmed}", page.QuerySelector("main")!.Text());

        var found = await editor.GetDocumentAsync($"/admin/events/checkin/{id}?search=Attendee%2012");
        Assert.Equal(["Attendee 120 · 1", "Attendee 121 · 1", "Attendee 122 · 1", "Attendee 123 · 1", "Attendee 124 · 1", "Attendee 125 · 1", "Attendee 126 · 1",
            "Attendee 127 · 1", "Attendee 128 · 1", "Attendee 129 · 1"], found.QuerySelectorAll(".checkin-name").Select(n => n.Text()));
        Assert.DoesNotContain("search to find someone", found.QuerySelector("main")!.Text());
    }
}
