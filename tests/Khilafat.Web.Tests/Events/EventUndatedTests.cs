using System.Globalization;
using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.Tests.Infrastructure;
using static Khilafat.Web.Tests.Events.EventTestSupport;
using static Khilafat.Web.Tests.Infrastructure.FormFields;

namespace Khilafat.Web.Tests.Events;

/// <summary>
/// An event postponed before its new date is known: attendees are told and keep their answers, its pages say the date
/// is to be announced (and what was planned), nothing is sent or erased by the old date, and setting the date tells
/// everyone who answered it.
/// </summary>
public class EventUndatedTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private const string UndatedForm = "form[action$='handler=PostponeWithoutDate']";

    private readonly HttpClient _visitor = factory.CreateClient();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private static string Day(DateTime local) => local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en"));

    private static string Date(DateTime local) => local.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));

    [Fact]
    public async Task PostponedWithNoNewDate_AttendeesAreTold_ThePagesSaySo_AnswersStillCome_AndTheNewDateIsToldToAll()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Vigil for Gaza");
        var start = factory.InWholeHours(TimeSpan.FromDays(2));
        var (id, slug) = await factory.CreateEventAsync(title, start);
        var early = Visitor.NewAddress("early");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Early", early);
        var sequence = (await factory.StoredEventAsync(id)).Sequence;

        using (var postponed = await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(("Undated.Reason", "The permit is not granted yet.")),
            formSelector: UndatedForm))
        {
            Assert.Equal($"/admin/events/edit/{id}", postponed.LandedOn());
            var edit = await postponed.ReadDocumentAsync();
            Assert.Contains("Postponed, date to be announced", edit.QuerySelector(".tag-scheduled")!.Text());
        }
        var stored = await factory.StoredEventAsync(id);
        Assert.Equal((EventState.DateToBeAnnounced, start, sequence + 1), (stored.State, stored.StartsAt, stored.Sequence));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventPostponed && e.Target == "event:" + slug);

        // Told at once, with what was planned, and no calendar link (a calendar would put it at the old time).
        await factory.RunDueJobsAsync();
        var notice = Assert.Single(await factory.EmailsToAsync(early), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Equal($"Postponed: {title}", notice.Subject);
        Assert.Contains($"“{title}” is postponed. Its new date is not set yet: we will email it to you as soon as it is.", notice.TextBody);
        Assert.Contains("Why: The permit is not granted yet.", notice.TextBody);
        Assert.Contains("When: New date to be announced", notice.TextBody);
        Assert.Contains("Was: " + Day(start), notice.TextBody);
        Assert.DoesNotContain("calendar", notice.TextBody);
        Assert.Contains("/events/rsvp/cancel?token=", notice.TextBody);

        // Its page says so, with no date in a <time> and no calendar to add it to; answers still come.
        var page = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.Equal("This event is postponed. Its new date will be announced here, and emailed to everyone who answered. The permit is not granted yet.",
            page.QuerySelector(".event-state")!.Text().Trim());
        var when = page.QuerySelector(".event-when")!;
        Assert.Equal("New date to be announced First planned for " + Day(start), when.Text().Trim());
        Assert.Null(when.QuerySelector("time"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").EndsWith("calendar.ics", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("a.button"), a => a.Text() == "I am coming");
        Assert.Equal("https://schema.org/EventPostponed", (string?)Html.JsonLd(page)["eventStatus"]);
        var arabic = await _visitor.GetDocumentAsync("/ar/events/" + slug);
        Assert.Contains("سيُعلَن الموعد الجديد لاحقًا", arabic.QuerySelector(".event-when")!.Text());

        // A calendar that had it keeps it at the old time, marked tentative and postponed.
        var calendar = Assert.Single(Ical.Net.Calendar.Load(await _visitor.GetStringAsync($"/events/{slug}/calendar.ics"))!.Events);
        Assert.Equal(("TENTATIVE", $"Postponed: {title}"), (calendar.Status, calendar.Summary));
        Assert.Contains(Ical.Net.Calendar.Load(await _visitor.GetStringAsync("/events/feed.ics"))!.Events, e => e.Summary == $"Postponed: {title}");

        // The old date comes and goes: no reminder, nothing erased, and it stays among the upcoming events.
        factory.Clock.Advance(start.AddDays(1) - Now);
        await factory.RunDueJobsAsync();
        Assert.DoesNotContain(await factory.EmailsToAsync(early), m => m.Kind == OutboxKinds.EventReminder);
        var list = await _visitor.GetDocumentAsync("/events");
        var upcoming = list.QuerySelector("section[aria-labelledby='upcoming-heading']")!;
        var teaser = upcoming.QuerySelectorAll(".event-teaser").Single(t => t.QuerySelector("h3")!.Text() == title);
        Assert.Equal("Postponed", teaser.QuerySelector(".event-state")!.Text());

        // Someone answering now is told the date is to come.
        var late = Visitor.NewAddress("late");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Late", late);
        var details = Assert.Single(await factory.EmailsToAsync(late), m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.Contains("When: New date to be announced", details.TextBody);
        Assert.DoesNotContain("calendar", details.TextBody);

        // The date is set: both are told it, the page shows it, and the reminder goes the day before.
        (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var state = await editor.GetDocumentAsync($"/admin/events/state/{id}");
        Assert.Equal("Set the new date", state.QuerySelector("#postpone-heading")!.Text());
        Assert.Null(state.QuerySelector(UndatedForm));
        var newStart = factory.InWholeHours(TimeSpan.FromDays(10));
        using (var dated = await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(
            ("Postpone.StartsAt", Field(newStart)), ("Postpone.EndsAt", Field(newStart.AddHours(2))), ("Postpone.Reason", "The permit came.")),
            formSelector: "form[action$='handler=Postpone']"))
            Assert.Equal($"/admin/events/edit/{id}", dated.LandedOn());
        stored = await factory.StoredEventAsync(id);
        Assert.Equal((EventState.Postponed, newStart), (stored.State, stored.StartsAt));
        await factory.RunDueJobsAsync();
        foreach (var address in new[] { early, late })
        {
            var told = (await factory.EmailsToAsync(address)).Last(m => m.Kind == OutboxKinds.EventNotice);
            Assert.Equal($"Postponed: {title}", told.Subject);
            Assert.Contains("When: " + Day(newStart), told.TextBody);
            Assert.Contains("Add it to my calendar", told.TextBody);
        }
        Assert.Contains(Day(newStart), (await _visitor.GetDocumentAsync("/events/" + slug)).QuerySelector(".event-when")!.Text());
        factory.Clock.Advance(newStart - TimeSpan.FromHours(23) - Now);
        await factory.RunDueJobsAsync();
        Assert.Single(await factory.EmailsToAsync(early), m => m.Kind == OutboxKinds.EventReminder);
        Assert.Single(await factory.EmailsToAsync(late), m => m.Kind == OutboxKinds.EventReminder);
    }

    [Fact]
    public async Task AttendeesOfAnEventThatNeverGetsItsDate_AreErasedAfterNinetyDays_AndANewTimeInTheEditorSetsTheDate()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var start = factory.InWholeHours(TimeSpan.FromDays(1));
        var (waiting, waitingSlug) = await factory.CreateEventAsync(NewTitle("March postponed"), start);
        var kept = Visitor.NewAddress("kept");
        await factory.AnswerAndConfirmAsync(_visitor, waitingSlug, "Kept For Now", kept, people: 2);
        var (dated, datedSlug) = await factory.CreateEventAsync(NewTitle("Talk postponed"), start);
        var told = Visitor.NewAddress("told");
        await factory.AnswerAndConfirmAsync(_visitor, datedSlug, "Told", told);
        foreach (var id in new[] { waiting, dated })
            using (await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(("Undated.Reason", "The hall is closed for repairs.")), formSelector: UndatedForm)) { }
        var postponedAt = Now;

        // The editors' list says the date is to come; the event's state page, how long its attendees are kept.
        var row = (await editor.GetDocumentAsync("/admin/events")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/admin/events/edit/{waiting}']") is not null);
        Assert.StartsWith("To be announced; first planned for " + start.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[2].Text().Trim());
        var again = await editor.GetDocumentAsync($"/admin/events/state/{waiting}");
        Assert.Contains($"If no date is set, their names and emails are erased as after an event, each 90 days after the postponement or after their answer, whichever is later: the next on {Date(postponedAt.AddDays(90))} (UTC time, as attendees are told).",
            again.Body!.Text());

        // A new time typed in the editor is the new date: the event is postponed to it, and attendees are told.
        var newStart = factory.InWholeHours(TimeSpan.FromDays(20));
        using (var saved = await editor.SubmitFormAsync($"/admin/events/edit/{dated}", Html.Values(
            ("Input.StartsAt", Field(newStart)), ("Input.EndsAt", Field(newStart.AddHours(1))), ("Input.NoticeReason", "The hall reopens.")),
            submitter: "button[formaction*='handler=Save']"))
            Assert.Equal($"/admin/events/edit/{dated}", saved.LandedOn());
        Assert.Equal(EventState.Postponed, (await factory.StoredEventAsync(dated)).State);
        await factory.RunDueJobsAsync();
        var notices = (await factory.EmailsToAsync(told)).Where(m => m.Kind == OutboxKinds.EventNotice).ToList();
        Assert.Equal(2, notices.Count);
        var whens = notices.Select(n => n.TextBody!.Split("\n\n").Single(p => p.StartsWith("When: ", StringComparison.Ordinal))).ToList();
        Assert.Equal("When: New date to be announced", whens[0]);
        Assert.StartsWith("When: " + Day(newStart), whens[1]);
        Assert.Contains("Why: The hall reopens.", notices[1].TextBody);
        // Those waiting are told until when they can be told the date; those of the dated one, no longer.
        var waitingNotice = Assert.Single(await factory.EmailsToAsync(kept), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Contains($"If no new date is set by {Date(postponedAt.AddDays(90))}, your name and email address are erased that day", waitingNotice.TextBody);
        Assert.DoesNotContain("If no new date is set", notices[1].TextBody);

        // 31 days after the old date the one still waiting keeps its attendees; 90 days after it was postponed, they go.
        factory.Clock.Advance(start.AddDays(31) - Now);
        await factory.RunDueJobsAsync();
        Assert.NotNull(Assert.Single(await factory.RsvpsAsync(waiting)).Email);
        // It still takes answers, each kept its own 90 days while it waits: one given the day before the first round is
        // not erased in it, and its email says until when it is kept.
        factory.Clock.Advance(postponedAt.AddDays(89) - Now);
        var meanwhile = Visitor.NewAddress("meanwhile");
        await factory.AnswerAndConfirmAsync(_visitor, waitingSlug, "Meanwhile", meanwhile);
        var answeredAt = (await factory.RsvpsAsync(waiting)).Single(r => r.Email == meanwhile).CreatedAt;
        var details = Assert.Single(await factory.EmailsToAsync(meanwhile), m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.Contains("When: New date to be announced", details.TextBody);
        Assert.Contains($"If no new date is set by {Date(answeredAt.AddDays(90))}, your name and email address are erased that day", details.TextBody);
        factory.Clock.Advance(postponedAt.AddDays(90).AddMinutes(1) - Now);
        await factory.RunDueJobsAsync();
        var answers = await factory.RsvpsAsync(waiting);
        var erased = Assert.Single(answers, r => r.PartySize == 2);
        Assert.Equal(((string?)null, (string?)null), (erased.Name, erased.Email));
        Assert.Equal(meanwhile, Assert.Single(answers, r => r.PartySize == 1).Email);
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventAttendeesErased && e.Target == AuditTargets.Event(waiting));
        (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var attendees = (await editor.GetDocumentAsync($"/admin/events/rsvps/{waiting}")).Body!.Text();
        Assert.Contains("Names and emails of earlier answers were erased on", attendees);
        Assert.Contains(meanwhile, attendees);
        factory.Clock.Advance(answeredAt.AddDays(90).AddMinutes(1) - Now);
        await factory.RunDueJobsAsync();
        Assert.All(await factory.RsvpsAsync(waiting), r => Assert.Null(r.Email));
        Assert.Equal(2, (await factory.AuditEntriesAsync()).Count(e => e.Action == AuditActions.EventAttendeesErased && e.Target == AuditTargets.Event(waiting)));
        var later = Visitor.NewAddress("later");
        await factory.AnswerAndConfirmAsync(_visitor, waitingSlug, "Later", later);
        (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var finalStart = factory.InWholeHours(TimeSpan.FromDays(5));
        using (await editor.SubmitFormAsync($"/admin/events/state/{waiting}", Html.Values(
            ("Postpone.StartsAt", Field(finalStart)), ("Postpone.EndsAt", Field(finalStart.AddHours(2))), ("Postpone.Reason", "At last.")),
            formSelector: "form[action$='handler=Postpone']")) { }
        factory.Clock.Advance(finalStart.AddHours(2).AddDays(30).AddMinutes(1) - Now);
        await factory.RunDueJobsAsync();
        Assert.All(await factory.RsvpsAsync(waiting), r => Assert.Null(r.Email));
        using var gone = await _visitor.GetAsync($"/events/{waitingSlug}/rsvp");
        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        Assert.Contains("This event no longer takes answers.", (await gone.ReadDocumentAsync()).Body!.Text());
    }
}
