using System.Globalization;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.Jobs;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;
using static Khilafat.Web.Tests.Infrastructure.FormFields;

namespace Khilafat.Web.Tests.Events;

/// <summary>What happens on its own, by the site's clock: the reminder the day before, the notice of a change, the erasure after.</summary>
public class EventJobTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task TheReminder_GoesADayBefore_OnceToEachConfirmedAttendee_WithTheOnlineLink()
    {
        var title = NewTitle("Evening talk");
        var start = factory.InWholeHours(TimeSpan.FromDays(3));
        var (_, slug) = await factory.CreateEventAsync(title, start, onlineUrl: "https://meet.example.org/talk");
        var email = Visitor.NewAddress("reminded");
        var pendingEmail = Visitor.NewAddress("unconfirmed");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Reminded", email);
        using (await factory.AnswerAsync(_visitor, slug, "Unconfirmed", pendingEmail)) { }

        factory.Clock.Advance(start - TimeSpan.FromHours(24) - Now - TimeSpan.FromMinutes(5));
        await factory.RunDueJobsAsync();
        Assert.DoesNotContain(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventReminder);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.RunDueJobsAsync();
        await factory.RunDueJobsAsync();
        var reminder = Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventReminder);
        // Its words hold however late it goes (the site down across its time); it is not sent once the event has begun.
        Assert.Equal($"Reminder: {title}", reminder.Subject);
        Assert.Contains($"A reminder: “{title}” is soon.", reminder.TextBody);
        Assert.Equal(start, reminder.ExpiresAt);
        Assert.Contains("https://meet.example.org/talk", reminder.TextBody);
        Assert.Contains("/events/rsvp/cancel?token=", reminder.TextBody);
        Assert.DoesNotContain(await factory.EmailsToAsync(pendingEmail), m => m.Kind == OutboxKinds.EventReminder);
    }

    [Fact]
    public async Task AsAnEventStarts_ItsCachedPagesStopOfferingIt_AndACancelledOneOffersNoPlaces()
    {
        var title = NewTitle("Short vigil");
        var start = factory.InWholeHours(TimeSpan.FromDays(2));
        var (id, slug) = await factory.CreateEventAsync(title, start);
        var before = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.NotNull(before.QuerySelector("a[href$='/rsvp']"));
        Assert.Contains(title, (await _visitor.GetDocumentAsync("/events")).QuerySelector("main")!.Text());

        // The pages were cached (for up to an hour); the event starts a minute later.
        factory.Clock.Advance(start - Now + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();

        var started = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.Null(started.QuerySelector("a[href$='/rsvp']"));
        Assert.DoesNotContain(started.QuerySelectorAll(".event-facts dt"), dt => dt.Text() == "Places left");

        var (cancelledId, cancelledSlug) = await factory.CreateEventAsync(NewTitle("Called off"), factory.InWholeHours(TimeSpan.FromDays(5)));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().CancelAsync(cancelledId, "Storm warning", Actor.System));
        var cancelled = await _visitor.GetDocumentAsync("/events/" + cancelledSlug);
        Assert.Contains("This event is cancelled.", cancelled.QuerySelector(".event-state")!.Text());
        Assert.DoesNotContain(cancelled.QuerySelectorAll(".event-facts dt"), dt => dt.Text() == "Places left");
        // Someone following an old link to answer learns why it takes no answers.
        var answer = await _visitor.GetDocumentAsync($"/events/{cancelledSlug}/rsvp");
        Assert.Equal("This event is cancelled. Storm warning", answer.QuerySelector(".event-state")!.Text());
        Assert.Null(answer.QuerySelector("main form"));
    }

    [Fact]
    public async Task Postponing_TellsAttendeesWhy_AndMovesTheReminder()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Charity drive");
        var start = factory.InWholeHours(TimeSpan.FromDays(2));
        var (id, slug) = await factory.CreateEventAsync(title, start, zone: "Asia/Karachi");
        var email = Visitor.NewAddress("moved");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Moved", email);
        var sequence = (await factory.StoredEventAsync(id)).Sequence;

        // The new date, entered in the event's zone (Karachi, UTC+5).
        var newStart = start.AddDays(5);
        var karachi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");
        using var postponed = await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(
            ("Postpone.StartsAt", Field(TimeZoneInfo.ConvertTimeFromUtc(newStart, karachi))), ("Postpone.EndsAt", Field(TimeZoneInfo.ConvertTimeFromUtc(newStart.AddHours(3), karachi))),
            ("Postpone.Reason", "The hall flooded.")), formSelector: "form[action$='handler=Postpone']");
        Assert.Equal($"/admin/events/edit/{id}", postponed.LandedOn());

        var stored = await factory.StoredEventAsync(id);
        Assert.Equal(EventState.Postponed, stored.State);
        Assert.Equal(newStart, stored.StartsAt);
        Assert.Equal(sequence + 1, stored.Sequence);
        await factory.RunDueJobsAsync();
        var notice = Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Equal($"Postponed: {title}", notice.Subject);
        Assert.Contains("Why: The hall flooded.", notice.TextBody);
        Assert.Contains("When: " + TimeZoneInfo.ConvertTimeFromUtc(newStart, karachi).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")), notice.TextBody);
        Assert.Contains("Was: " + TimeZoneInfo.ConvertTimeFromUtc(start, karachi).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")), notice.TextBody);
        var page = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.Contains("This event is postponed to a new date. The hall flooded.", page.QuerySelector(".event-state")!.Text());

        // No reminder at the old time; one at the new.
        factory.Clock.Advance(start - TimeSpan.FromHours(23) - Now);
        await factory.RunDueJobsAsync();
        Assert.DoesNotContain(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventReminder);
        factory.Clock.Advance(newStart - TimeSpan.FromHours(23) - Now);
        await factory.RunDueJobsAsync();
        Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventReminder);

        // Found by a review: a later move of its place went out as a second "Postponed", the event's state since. (Signed
        // in again: days have passed on the site's clock.)
        (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        using (await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(("Input.Place", "The community hall, Clifton"), ("Input.NoticeReason", "More room.")),
            submitter: "button[formaction*='handler=Save']")) { }
        await factory.RunDueJobsAsync();
        var moved = (await factory.EmailsToAsync(email)).Where(m => m.Kind == OutboxKinds.EventNotice).ToList();
        Assert.Equal(2, moved.Count);
        Assert.Equal($"Changed: {title}", moved[^1].Subject);
        Assert.Contains($"The time or place of “{title}” has changed.", moved[^1].TextBody);
        Assert.DoesNotContain("postponed", moved[^1].TextBody);
    }

    [Fact]
    public async Task Cancelling_TellsAttendeesWhy_AndNoReminderGoes()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("Vigil cancelled");
        var start = factory.InWholeHours(TimeSpan.FromDays(2));
        var (id, slug) = await factory.CreateEventAsync(title, start);
        var email = Visitor.NewAddress("cancelled");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Told", email);
        var arabicEmail = Visitor.NewAddress("cancelled-ar");
        using (await factory.AnswerAsync(_visitor, slug, "عائشة", arabicEmail, culture: "ar")) { }
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync(arabicEmail)).Last().LinkTo("/events/rsvp/confirm"))) { }

        using var empty = await editor.SubmitFormAsync($"/admin/events/state/{id}", Html.Values(("Cancel.Reason", "")), formSelector: "form[action*='handler=Cancel']");
        Assert.Equal("Say why, in a line: attendees are told.", (await empty.ReadDocumentAsync()).FieldError("Cancel.Reason"));
        Assert.Equal(EventState.Scheduled, (await factory.StoredEventAsync(id)).State);

        var statePage = await editor.GetDocumentAsync($"/admin/events/state/{id}");
        using var cancelled = await editor.SubmitAsync(statePage.Form("form[action*='handler=Cancel']"), $"/admin/events/state/{id}",
            Html.Values(("Cancel.Reason", "The permit was withdrawn.")));
        Assert.Equal($"/admin/events/edit/{id}", cancelled.LandedOn());
        // The same form sent again (a second press, or a second editor's page): refused beside its field, and nobody is told twice.
        using var again = await editor.SubmitAsync(statePage.Form("form[action*='handler=Cancel']"), $"/admin/events/state/{id}",
            Html.Values(("Cancel.Reason", "Cancelled again.")));
        var refused = await again.ReadDocumentAsync();
        Assert.Equal("The event is already cancelled: attendees were told.", refused.FieldError("Cancel.Reason"));
        Assert.Contains("Now: cancelled", refused.QuerySelector(".event-state")!.Text());
        Assert.Null((await editor.GetDocumentAsync($"/admin/events/state/{id}")).QuerySelector("form[action*='handler=Cancel']"));
        await factory.RunDueJobsAsync();
        var notice = Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Equal($"Cancelled: {title}", notice.Subject);
        Assert.Contains("Why: The permit was withdrawn.", notice.TextBody);
        // Which event: two vigils may share a name. Its date and its page, and no link to add it to a calendar.
        Assert.Contains("When: " + start.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")), notice.TextBody);
        Assert.Contains($"/events/{slug}", notice.TextBody);
        Assert.DoesNotContain(".ics", notice.TextBody);
        Assert.DoesNotContain("Was: ", notice.TextBody);
        // To an Arabic reader, the reason typed in English is marked English, in the email and on the page.
        var arabicNotice = Assert.Single(await factory.EmailsToAsync(arabicEmail), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Equal("en", Html.Parse(arabicNotice.HtmlBody!).QuerySelectorAll("span[dir=auto]").Single(s => s.Text() == "The permit was withdrawn.").GetAttribute("lang"));
        var arabicReason = (await _visitor.GetDocumentAsync("/ar/events/" + slug)).QuerySelector(".event-state span[dir=auto]")!;
        Assert.Equal(("The permit was withdrawn.", "en"), (arabicReason.Text(), arabicReason.GetAttribute("lang")));
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventCancelled && e.Details == "The permit was withdrawn.");
        Assert.Contains("This event is cancelled. The permit was withdrawn.", (await _visitor.GetDocumentAsync("/events/" + slug)).QuerySelector(".event-state")!.Text());
        Assert.Empty((await _visitor.GetDocumentAsync("/events/" + slug)).QuerySelectorAll($"a[href='/events/{slug}/rsvp']"));

        factory.Clock.Advance(start - TimeSpan.FromHours(23) - Now);
        await factory.RunDueJobsAsync();
        Assert.DoesNotContain(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventReminder);
    }

    [Fact]
    public async Task MailStillWaiting_GoesWithAnAnswerCancelled_AndAReminderWithTheEventCancelledOrMoved()
    {
        var title = NewTitle("Vigil at the square");
        var start = factory.InWholeHours(TimeSpan.FromDays(3));
        var (id, slug) = await factory.CreateEventAsync(title, start);
        var staying = Visitor.NewAddress("staying");
        var leaving = Visitor.NewAddress("leaving");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Staying", staying);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Leaving", leaving);
        var other = NewTitle("Another vigil");
        var (otherId, otherSlug) = await factory.CreateEventAsync(other, start);
        await factory.AnswerAndConfirmAsync(_visitor, otherSlug, "Staying", staying);

        // The reminders are queued a day before; the mail server is down, so they wait in the outbox (nothing sends here).
        factory.Clock.Advance(start - TimeSpan.FromHours(24) - Now + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();
        Assert.Equal(2, (await factory.EmailsToAsync(staying)).Count(m => m.Kind == OutboxKinds.EventReminder && m.Status == OutboxStatus.Queued));

        // Cancelling an answer: its name and address go, from the mail still waiting for it too.
        var cancel = (await factory.EmailsToAsync(leaving)).Single(m => m.Kind == OutboxKinds.RsvpDetails).LinkTo("/events/rsvp/cancel");
        using (await _visitor.SubmitFormAsync(cancel)) { }
        Assert.DoesNotContain(await factory.EmailsToAsync(leaving), m => m.Kind is OutboxKinds.EventReminder or OutboxKinds.RsvpDetails);

        // Cancelling the event: its reminder waiting is skipped (it could arrive after the notice), the other event's goes.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().CancelAsync(id, "Unsafe to gather.", Actor.System));
        await factory.RunDueJobsAsync();
        var mail = await factory.EmailsToAsync(staying);
        var skipped = Assert.Single(mail, m => m.Kind == OutboxKinds.EventReminder && m.Subject == $"Reminder: {title}");
        Assert.Equal((OutboxStatus.Skipped, AttendeeMail.EventCancelled), (skipped.Status, skipped.LastError));
        Assert.Equal(OutboxStatus.Queued, Assert.Single(mail, m => m.Kind == OutboxKinds.EventReminder && m.Subject == $"Reminder: {other}").Status);
        Assert.Equal(OutboxStatus.Queued, Assert.Single(mail, m => m.Kind == OutboxKinds.EventNotice).Status);

        // Moving the other event: its reminder with the old time is skipped; the notice gives the new one.
        var moved = start + TimeSpan.FromDays(7);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().PostponeAsync(otherId, moved, moved + TimeSpan.FromHours(2), "The hall is booked.", Actor.System));
        await factory.RunDueJobsAsync();
        var after = Assert.Single(await factory.EmailsToAsync(staying), m => m.Kind == OutboxKinds.EventReminder && m.Subject == $"Reminder: {other}");
        Assert.Equal((OutboxStatus.Skipped, AttendeeMail.EventChanged), (after.Status, after.LastError));
        Assert.Equal(2, (await factory.EmailsToAsync(staying)).Count(m => m.Kind == OutboxKinds.EventNotice && m.Status == OutboxStatus.Queued));
    }

    [Fact]
    public async Task AnEditFormOpenedBeforeAPostponement_IsAConflictShowingTheNewTimes_AndNeverPutsTheOldOnesBack()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (other, otherEmail) = await factory.SignedInClientAsync(Roles.Editor);
        var start = factory.InWholeHours(TimeSpan.FromDays(3));
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil moved"), start);
        var email = Visitor.NewAddress("stale");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Stale", email);
        var staleForm = await editor.GetDocumentAsync($"/admin/events/edit/{id}");

        var newStart = start.AddDays(7);
        var postpone = Html.Values(("Postpone.StartsAt", Field(newStart)), ("Postpone.EndsAt", Field(newStart.AddHours(2))), ("Postpone.Reason", "The square is closed."));
        using (var postponed = await other.SubmitFormAsync($"/admin/events/state/{id}", postpone, formSelector: "form[action$='handler=Postpone']"))
            Assert.Equal($"/admin/events/edit/{id}", postponed.LandedOn());
        await factory.RunDueJobsAsync();

        // The editor's form still holds the old times: saving it is the conflict screen, which shows both.
        using var stale = await editor.SubmitAsync(staleForm.Form(), $"/admin/events/edit/{id}", Html.Values(("Input.Summary", "Bring a candle.")),
            "button[formaction*='handler=Save']");
        var conflict = await stale.ReadDocumentAsync();
        Assert.Contains($"{otherEmail} saved this event at", conflict.ErrorSummary());
        var starts = conflict.QuerySelectorAll(".conflict-fields tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Starts");
        Assert.Equal([newStart.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture), start.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)],
            starts.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.Contains(conflict.QuerySelectorAll(".conflict-fields tbody th"), th => th.Text() == "Summary");
        var stored = await factory.StoredEventAsync(id);
        Assert.Equal((newStart, EventState.Postponed), (stored.StartsAt, stored.State));
        // Attendees were told once, of the new date only.
        await factory.RunDueJobsAsync();
        Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventPostponed && e.Target == "event:" + slug);

        // Postponing again to the very same time is refused beside the field: attendees would be told of no change.
        using var same = await other.SubmitFormAsync($"/admin/events/state/{id}", postpone, formSelector: "form[action$='handler=Postpone']");
        Assert.Equal("Choose the new date: the event is already at this time.", (await same.ReadDocumentAsync()).FieldError("Postpone.StartsAt"));
        await factory.RunDueJobsAsync();
        Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice);
    }

    [Fact]
    public async Task ChangingTheTimeInTheEditor_TellsAttendees_WithTheEditorsReason()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var title = NewTitle("March moved");
        var start = factory.InWholeHours(TimeSpan.FromDays(4));
        var (id, slug) = await factory.CreateEventAsync(title, start);
        var email = Visitor.NewAddress("edited");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Edited", email);

        using var saved = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(
            ("Input.StartsAt", Field(start.AddHours(2))), ("Input.EndsAt", Field(start.AddHours(4))), ("Input.NoticeReason", "The police asked for a later start.")),
            submitter: "button[formaction*='handler=Save']");
        Assert.Equal($"/admin/events/edit/{id}", saved.LandedOn());
        Assert.Equal(start.AddHours(2), (await factory.StoredEventAsync(id)).StartsAt);
        await factory.RunDueJobsAsync();
        var notice = Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice);
        Assert.Contains("Why: The police asked for a later start.", notice.TextBody);
        Assert.Contains(start.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture), notice.TextBody);
    }

    [Fact]
    public async Task TheNoticeOfAMove_SaysWhatTheTimeAndPlaceWere_UnderWhatTheyAreNow_InTheAttendeesLanguage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        // 13:00 in Karachi (UTC+5), moved to 15:00 and to another place.
        var start = Now.Date.AddDays(4).AddHours(8);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil at the hall"), start, zone: "Asia/Karachi", place: "Frere Hall, Karachi");
        var email = Visitor.NewAddress("was-now");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Told", email);
        var urduEmail = Visitor.NewAddress("was-now-ur");
        using (await factory.AnswerAsync(_visitor, slug, "زینب", urduEmail, culture: "ur")) { }
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync(urduEmail)).Last().LinkTo("/events/rsvp/confirm"))) { }

        var (was, now) = (start.AddHours(5), start.AddHours(7));
        using var saved = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(
            ("Input.StartsAt", Field(now)), ("Input.EndsAt", Field(now.AddHours(2))), ("Input.Place", "Mazar-e-Quaid, Karachi"),
            ("Input.NoticeReason", "The hall is being repaired.")), submitter: "button[formaction*='handler=Save']");
        Assert.Equal($"/admin/events/edit/{id}", saved.LandedOn());
        await factory.RunDueJobsAsync();

        var lines = Paragraphs(Assert.Single(await factory.EmailsToAsync(email), m => m.Kind == OutboxKinds.EventNotice));
        var english = CultureInfo.GetCultureInfo("en");
        var whenLine = lines.IndexOf(string.Create(english, $"When: {now:dddd d MMMM yyyy, HH:mm} – {now.AddHours(2):HH:mm} (Asia/Karachi, UTC+05:00)"));
        Assert.True(whenLine >= 0, string.Join("\n", lines));
        Assert.Equal(string.Create(english, $"Was: {was:dddd d MMMM yyyy, HH:mm} – {was.AddHours(2):HH:mm} (Asia/Karachi, UTC+05:00)"), lines[whenLine + 1]);
        Assert.Equal(["Where: Mazar-e-Quaid, Karachi", "Was at: Frere Hall, Karachi"], lines[(whenLine + 2)..(whenLine + 4)]);

        var urdu = Assert.Single(await factory.EmailsToAsync(urduEmail), m => m.Kind == OutboxKinds.EventNotice);
        var inUrdu = CultureInfo.GetCultureInfo("ur");
        Assert.Contains(string.Create(inUrdu, $"کب: {now:dddd d MMMM yyyy، HH:mm} – {now.AddHours(2):HH:mm} (Asia/Karachi، UTC+05:00)"), Paragraphs(urdu));
        Assert.Contains(string.Create(inUrdu, $"پہلے کا وقت: {was:dddd d MMMM yyyy، HH:mm} – {was.AddHours(2):HH:mm} (Asia/Karachi، UTC+05:00)"), Paragraphs(urdu));
        Assert.Contains("پہلے کا مقام: Frere Hall, Karachi", Paragraphs(urdu));
        // The old place, typed in English, is marked English in the Urdu HTML, as the new one is.
        Assert.Contains(Html.Parse(urdu.HtmlBody!).QuerySelectorAll("span[dir=auto]"), s => s.Text() == "Frere Hall, Karachi" && s.GetAttribute("lang") == "en");
    }

    [Fact]
    public async Task TwoMovesBeforeTheNoticeGoes_TellAttendeesTheTimeTheyLastHeard_NotTheOneBetween()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var start = Now.Date.AddDays(5).AddHours(16);
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil moved twice"), start);
        var early = Visitor.NewAddress("told-16");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Early", early);

        // 16:00 to 17:00, someone answers (their details say 17:00), then 18:00: all while another instance's runner
        // holds the notice job (busy, or its mail server slow), so that it runs once, after both moves.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().WriteAsync(c =>
            sp.GetRequiredService<JobQueue>().ScheduleAsync(JobKinds.EventNotice, EventEditor.Key(id), Now.AddDays(1), c)));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Jobs.Where(j => j.Kind == JobKinds.EventNotice && j.Key == EventEditor.Key(id))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.ClaimToken, Guid.NewGuid()).SetProperty(j => j.ClaimedUntil, Now.AddMinutes(5))));
        await MoveAsync(editor, id, start.AddHours(1));
        var between = Visitor.NewAddress("told-17");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Between", between);
        await MoveAsync(editor, id, start.AddHours(2));
        Assert.DoesNotContain(await factory.EmailsToAsync(early), m => m.Kind == OutboxKinds.EventNotice);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.RunDueJobsAsync();

        var toEarly = Paragraphs(Assert.Single(await factory.EmailsToAsync(early), m => m.Kind == OutboxKinds.EventNotice));
        Assert.Contains(WhenInUtc("When", start.AddHours(2)), toEarly);
        Assert.Contains(WhenInUtc("Was", start), toEarly);
        Assert.DoesNotContain(toEarly, line => line.Contains("17:00", StringComparison.Ordinal));
        // Told 17:00 themselves: the new time, without a "Was:" they were never told.
        var toBetween = Paragraphs(Assert.Single(await factory.EmailsToAsync(between), m => m.Kind == OutboxKinds.EventNotice));
        Assert.Contains(WhenInUtc("When", start.AddHours(2)), toBetween);
        Assert.DoesNotContain(toBetween, line => line.StartsWith("Was", StringComparison.Ordinal));

        // Both were told 18:00: the next move is from 18:00, for both.
        await MoveAsync(editor, id, start.AddHours(3));
        await factory.RunDueJobsAsync();
        foreach (var address in new[] { early, between })
        {
            var latest = Paragraphs((await factory.EmailsToAsync(address)).Last(m => m.Kind == OutboxKinds.EventNotice));
            Assert.Contains(WhenInUtc("When", start.AddHours(3)), latest);
            Assert.Contains(WhenInUtc("Was", start.AddHours(2)), latest);
        }
    }

    /// <summary>Moves an event in the editor to <paramref name="startsAt"/> (UTC, the event's zone here), for two hours.</summary>
    private static async Task MoveAsync(HttpClient editor, int id, DateTime startsAt)
    {
        using var saved = await editor.SubmitFormAsync($"/admin/events/edit/{id}", Html.Values(("Input.StartsAt", Field(startsAt)), ("Input.EndsAt", Field(startsAt.AddHours(2)))),
            submitter: "button[formaction*='handler=Save']");
        Assert.Equal($"/admin/events/edit/{id}", saved.LandedOn());
    }

    /// <summary>"When: Friday 11 December 2026, 18:00 – 20:00 (UTC, UTC+00:00)": an email's line of a two-hour event in UTC.</summary>
    private static string WhenInUtc(string label, DateTime start) =>
        string.Create(CultureInfo.GetCultureInfo("en"), $"{label}: {start:dddd d MMMM yyyy, HH:mm} – {start.AddHours(2):HH:mm} (UTC, UTC+00:00)");

    /// <summary>An email's plain text, paragraph by paragraph, as its reader goes through it.</summary>
    private static List<string> Paragraphs(OutboxMessage email) => [.. (email.TextBody ?? "").Split("\n\n")];

    [Fact]
    public async Task AttendeesNamesAndEmails_AreErasedThirtyDaysAfter_TheNumbersStay()
    {
        var start = factory.InWholeHours(TimeSpan.FromDays(1));
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil past"), start);
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Kept Number", Visitor.NewAddress("erased"), people: 3);
        var end = (await factory.StoredEventAsync(id)).EndsAt;

        factory.Clock.Advance(end.AddDays(29) - Now);
        await factory.RunDueJobsAsync();
        Assert.NotNull(Assert.Single(await factory.RsvpsAsync(id)).Email);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await factory.RunDueJobsAsync();
        var rsvp = Assert.Single(await factory.RsvpsAsync(id));
        Assert.Null(rsvp.Name);
        Assert.Null(rsvp.Email);
        Assert.Equal(3, rsvp.PartySize);
        Assert.Equal(RsvpStatus.Confirmed, rsvp.Status);
        Assert.NotNull((await factory.StoredEventAsync(id)).AttendeesErasedAt);
        Assert.Contains(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.EventAttendeesErased && e.Target == AuditTargets.Event(id));
        // Signed in now: a month of the site's clock has ended earlier sessions.
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync($"/admin/events/rsvps/{id}");
        Assert.Contains("Places taken: 3 of 50", page.QuerySelector(".rsvp-counts")!.Text());
        Assert.DoesNotContain("Kept Number", page.Body!.Text());
    }
}
