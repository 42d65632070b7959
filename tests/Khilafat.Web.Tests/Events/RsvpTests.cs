using System.Net;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.MailingList;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;

namespace Khilafat.Web.Tests.Events;

/// <summary>Answering an event: confirmed by email, places counted (never names shown), the waitlist in order, cancelling.</summary>
public class RsvpTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task AConfirmedAnswer_HoldsItsPlaces_AndGetsTheDetailsWithACancelLink()
    {
        var title = NewTitle("Vigil");
        var (id, slug) = await factory.CreateEventAsync(title, factory.InDays(10), capacity: 10, onlineUrl: "https://meet.example.org/vigil-room");
        Assert.Equal("10 of 10", PlacesLeft(await _visitor.GetDocumentAsync("/events/" + slug)));

        using var answered = await factory.AnswerAsync(_visitor, slug, "Amina Rahman", "amina.vigil@example.org", people: 3);
        Assert.Equal("/events/rsvp/thanks", answered.LandedOn());
        var rsvp = Assert.Single(await factory.RsvpsAsync(id));
        Assert.Equal(RsvpStatus.Pending, rsvp.Status);
        Assert.Equal(RsvpConsent.Text, rsvp.Consent.Text);
        Assert.Equal(RsvpConsent.Version, rsvp.Consent.Version);
        Assert.Empty(await factory.AddressColumnsAsync("Rsvps", rsvp.Id));
        Assert.Empty(await factory.AddressTracesAsync("Rsvps", rsvp.Id, IPAddress.Loopback));
        // Not yet confirmed: the places are still free.
        Assert.Equal("10 of 10", PlacesLeft(await _visitor.GetDocumentAsync("/events/" + slug)));

        var confirmation = Assert.Single(await factory.EmailsToAsync("amina.vigil@example.org"));
        Assert.Contains(title, confirmation.Subject);
        Assert.DoesNotContain("meet.example.org", confirmation.TextBody);
        var link = confirmation.LinkTo("/events/rsvp/confirm");
        // Opening the link (as a mail scanner would) changes nothing.
        var opened = await _visitor.GetDocumentAsync(link);
        Assert.Contains("Press the button to confirm your answer for 3 people.", opened.QuerySelector("main")!.Text());
        Assert.Equal(RsvpStatus.Pending, Assert.Single(await factory.RsvpsAsync(id)).Status);
        using var pressed = await _visitor.SubmitAsync(opened.Form(), link);
        Assert.Equal("You are coming", (await pressed.ReadDocumentAsync()).QuerySelector("h1")!.Text());

        Assert.Equal(RsvpStatus.Confirmed, Assert.Single(await factory.RsvpsAsync(id)).Status);
        var page = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.Equal("7 of 10", PlacesLeft(page));
        Assert.DoesNotContain("Amina", page.Body!.Text());
        Assert.DoesNotContain("meet.example.org", page.Body!.InnerHtml);
        var details = (await factory.EmailsToAsync("amina.vigil@example.org")).Last();
        Assert.Equal(OutboxKinds.RsvpDetails, details.Kind);
        Assert.Contains("You are coming", details.Subject);
        Assert.Contains("https://meet.example.org/vigil-room", details.TextBody);
        Assert.Contains("People: 3", details.TextBody);
        // Holding a place in an online event, they are given their own calendar, with the link (AttendeeCalendarTests).
        Assert.Contains("/events/rsvp/my-calendar.ics?token=", details.TextBody);
        Assert.DoesNotContain($"/events/{slug}/calendar.ics", details.TextBody);

        // The cancel link: opening changes nothing, the button cancels and frees the places.
        var cancel = details.LinkTo("/events/rsvp/cancel");
        var cancelPage = await _visitor.GetDocumentAsync(cancel);
        Assert.Equal(RsvpStatus.Confirmed, Assert.Single(await factory.RsvpsAsync(id)).Status);
        using var cancelled = await _visitor.SubmitAsync(cancelPage.Form(), cancel);
        var cancelledPage = await cancelled.ReadDocumentAsync();
        Assert.Equal("Your answer is cancelled", cancelledPage.QuerySelector("h1")!.Text());
        Assert.Contains("Thank you for telling us.", cancelledPage.QuerySelector("main")!.Text());
        var stored = Assert.Single(await factory.RsvpsAsync(id));
        Assert.Equal(RsvpStatus.Cancelled, stored.Status);
        // Who they are goes with the answer: the organisers keep only that one was cancelled, and for how many.
        Assert.Equal((null, null, 3), (stored.Name, stored.Email, stored.PartySize));
        Assert.Equal("10 of 10", PlacesLeft(await _visitor.GetDocumentAsync("/events/" + slug)));
        // And the mail that told them of it, sent already, with its address and the event in its subject (a review found
        // "Confirm your answer" and "You are coming" kept 30 days after an answer "erased at once").
        Assert.Empty(await factory.EmailsToAsync("amina.vigil@example.org"));
        // Pressing it again (a second tab, a double click) still says it is cancelled.
        using var again = await _visitor.SubmitAsync(cancelPage.Form(), cancel);
        Assert.Equal("Your answer is cancelled", (await again.ReadDocumentAsync()).QuerySelector("h1")!.Text());
        // Opened again later, the link still says so, with no button, though the answer no longer holds who gave it.
        var reopened = await _visitor.GetDocumentAsync(cancel);
        Assert.Contains("Thank you for telling us.", reopened.QuerySelector("main")!.Text());
        Assert.DoesNotContain("We do not recognise this link", reopened.QuerySelector("main")!.Text());
        Assert.Empty(reopened.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task AnAnswerForOnePerson_IsWordedForOne()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Talk"), factory.InDays(12));
        var email = Visitor.NewAddress("alone");
        using var answered = await factory.AnswerAsync(_visitor, slug, "Bilal", email, people: 1);

        var link = Assert.Single(await factory.EmailsToAsync(email)).LinkTo("/events/rsvp/confirm");

        Assert.Contains("Press the button to confirm your answer for 1 person.", (await _visitor.GetDocumentAsync(link)).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AnArabicAnswersLink_ShowsAnUntranslatedEventsTitle_MarkedAsEnglish()
    {
        var title = NewTitle("Vigil");
        var (_, slug) = await factory.CreateEventAsync(title, factory.InDays(14));
        var email = Visitor.NewAddress("arabic");
        using var answered = await factory.AnswerAsync(_visitor, slug, "سارة", email, culture: "ar");

        var link = Assert.Single(await factory.EmailsToAsync(email)).LinkTo("/events/rsvp/confirm");
        Assert.StartsWith("/ar/", link);
        var page = await _visitor.GetDocumentAsync(link);

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        var named = page.QuerySelectorAll("main p").Single(p => p.Text() == title);
        Assert.Equal(("en", "ltr"), (named.GetAttribute("lang"), named.GetAttribute("dir")));
    }

    [Fact]
    public async Task WhenFull_AnswersWaitInOrder_AndACancellationPromotesTheNextWhosePartyFits()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("March"), factory.InDays(12), capacity: 2, maxParty: 2);
        var first = await factory.AnswerAndConfirmAsync(_visitor, slug, "Bilal", "bilal.march@example.org", people: 2);
        Assert.Equal("You are coming", first.QuerySelector("h1")!.Text());
        var page = await _visitor.GetDocumentAsync("/events/" + slug);
        Assert.Equal("None: new answers join the waitlist", PlacesLeft(page));

        foreach (var (name, people) in new[] { ("Chen", 1), ("Dalia", 2), ("Emre", 1) })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var answer = await factory.AnswerAndConfirmAsync(_visitor, slug, name, $"{name.ToLowerInvariant()}.march@example.org", people);
            Assert.Equal("You are on the waitlist", answer.QuerySelector("h1")!.Text());
        }
        Assert.Contains("waitlist", (await factory.EmailsToAsync("chen.march@example.org")).Last().Subject);

        // Bilal's two places free up: Chen (1) is next and fits; Dalia (2) no longer fits in the one left; Emre (1) does.
        var cancel = (await factory.EmailsToAsync("bilal.march@example.org")).Last().LinkTo("/events/rsvp/cancel");
        using (await _visitor.SubmitFormAsync(cancel)) { }

        var answers = await factory.RsvpsAsync(id);
        // A cancelled answer keeps no name: Bilal's is the one without.
        Assert.Equal(RsvpStatus.Cancelled, answers.Single(r => r.Name is null).Status);
        var byName = answers.Where(r => r.Name is not null).ToDictionary(r => r.Name!);
        Assert.Equal(RsvpStatus.Confirmed, byName["Chen"].Status);
        Assert.Equal(RsvpStatus.Waitlisted, byName["Dalia"].Status);
        Assert.Equal(RsvpStatus.Confirmed, byName["Emre"].Status);
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync("chen.march@example.org")).Last().Subject);
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync("emre.march@example.org")).Last().Subject);
        Assert.DoesNotContain(await factory.EmailsToAsync("dalia.march@example.org"), m => m.Subject.StartsWith("A place is free", StringComparison.Ordinal));

        // Chen cancels: one place, still too few for Dalia's two.
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync("chen.march@example.org")).Last().LinkTo("/events/rsvp/cancel"))) { }
        Assert.Equal(RsvpStatus.Waitlisted, (await factory.RsvpsAsync(id)).Single(r => r.Name == "Dalia").Status);
        // Emre cancels too: now both places are free, and Dalia's turn has come.
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync("emre.march@example.org")).Last().LinkTo("/events/rsvp/cancel"))) { }
        Assert.Equal(RsvpStatus.Confirmed, (await factory.RsvpsAsync(id)).Single(r => r.Name == "Dalia").Status);
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync("dalia.march@example.org")).Last().Subject);
    }

    [Fact]
    public async Task BadAnswers_AreToldBesideTheField_AndNothingIsKept()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Talk"), factory.InDays(5), maxParty: 3);

        using var tooMany = await factory.AnswerAsync(_visitor, slug, "Farah", "farah.talk@example.org", people: 9);
        var page = await tooMany.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Equal("Choose from 1 to 3 people.", page.FieldError("Input.People"));

        using var badEmail = await factory.AnswerAsync(_visitor, slug, "Farah", "farah-at-example", consent: false);
        page = await badEmail.ReadDocumentAsync();
        Assert.Equal("Enter an email address like name@example.org.", page.FieldError("Input.Email"));
        Assert.Equal("Tick the box to agree, so that we may keep your answer.", page.FieldError("Input.Consent"));

        Assert.Empty(await factory.RsvpsAsync(id));
        Assert.Empty(await factory.EmailsToAsync("farah.talk@example.org"));
    }

    [Fact]
    public async Task Robots_AreThanked_AndForgotten_AndAFormSentWithinSeconds_IsShownAgainWithWhatWasTyped()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Drive"), factory.InDays(6));
        var url = EventReader.RsvpPath(slug);

        // Too fast: sent the moment the form was served, as a program would, or a person with autofill and a quick tap.
        // Nothing is kept, and the form comes back as it was sent, to send again: no answer is dropped unseen.
        var form = (await _visitor.GetDocumentAsync(url)).Form();
        using var fast = await _visitor.SubmitAsync(form, url, Html.Values(("Input.Name", "Quick Hands"), ("Input.Email", "bot1@example.org"), ("Input.Consent", "true")));
        var shownAgain = await fast.ReadDocumentAsync();
        Assert.Equal(url, fast.LandedOn());
        Assert.Contains("This form was sent seconds after it opened, so nothing was sent yet.", shownAgain.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Quick Hands", shownAgain.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Empty(await factory.RsvpsAsync(id));
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        using (var again = await _visitor.SubmitAsync(shownAgain.Form(), url, Html.Values(("Input.Consent", "true"))))
            Assert.Equal("/events/rsvp/thanks", again.LandedOn());
        Assert.Single(await factory.RsvpsAsync(id));

        // The honeypot filled in.
        form = (await _visitor.GetDocumentAsync(url)).Form();
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        using var honey = await _visitor.SubmitAsync(form, url, Html.Values(("Input.Name", "Bot"), ("Input.Email", "bot2@example.org"), ("Input.Consent", "true"), ("Input.Website", "http://spam.example")));
        Assert.Equal("/events/rsvp/thanks", honey.LandedOn());

        Assert.Single(await factory.RsvpsAsync(id));
        Assert.Empty(await factory.EmailsToAsync("bot2@example.org"));
    }

    [Fact]
    public async Task AnsweringAgain_SendsAtMostOneLinkInTenMinutes()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("Vigil again"), factory.InDays(8));
        using (await factory.AnswerAsync(_visitor, slug, "Hana", "hana.again@example.org")) { }
        using (await factory.AnswerAsync(_visitor, slug, "Hana", "hana+2@example.org")) { }
        using (await factory.AnswerAsync(_visitor, slug, "Hana", "hana.again@example.org")) { }
        Assert.Single(await factory.EmailsToAsync("hana.again@example.org"));
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        using (await factory.AnswerAsync(_visitor, slug, "Hana", "hana.again@example.org")) { }
        Assert.Equal(2, (await factory.EmailsToAsync("hana.again@example.org")).Count);
        Assert.Equal(2, (await factory.RsvpsAsync(id)).Count);
    }

    [Fact]
    public async Task EachEvent_HasItsOwnAllowanceOfLinks()
    {
        var (first, firstSlug) = await factory.CreateEventAsync(NewTitle("Vigil first"), factory.InDays(8));
        var (second, secondSlug) = await factory.CreateEventAsync(NewTitle("Vigil second"), factory.InDays(9));
        using (await factory.AnswerAsync(_visitor, firstSlug, "Hana", "hana.both@example.org")) { }
        using (await factory.AnswerAsync(_visitor, secondSlug, "Hana", "hana.both+vigil@example.org")) { }
        // Within the ten minutes: the first event's link was sent, the second's too, and the first's second answer gets none.
        using (await factory.AnswerAsync(_visitor, firstSlug, "Hana", "hana.both@example.org")) { }
        Assert.Single(await factory.EmailsToAsync("hana.both@example.org"));
        Assert.Single(await factory.EmailsToAsync("hana.both+vigil@example.org"));
        Assert.Single(await factory.RsvpsAsync(first));
        Assert.Single(await factory.RsvpsAsync(second));
    }

    [Fact]
    public async Task AlsoJoiningTheList_SignsUpWithTheListsOwnConsentAndConfirmation()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Vigil list"), factory.InDays(9));
        using (await factory.AnswerAsync(_visitor, slug, "Idris", "idris.list@example.org", joinList: true)) { }
        var emails = await factory.EmailsToAsync("idris.list@example.org");
        Assert.Contains(emails, m => m.Kind == OutboxKinds.RsvpConfirmation);
        Assert.Contains(emails, m => m.Kind == OutboxKinds.Confirmation);
        var subscriber = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>().Subscribers.Single(s => s.Email == "idris.list@example.org")));
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        // The wording the answer form shows, which names what that form keeps: it asks no country (it said "country").
        Assert.Equal(ConsentWording.WithoutCountryText, subscriber.Consent.Text);
        Assert.Equal(ConsentWording.WithoutCountryVersion, subscriber.Consent.Version);
        var form = await _visitor.GetDocumentAsync($"/events/{slug}/rsvp");
        var label = form.QuerySelector("label:has(input[name='Input.JoinList'])")!.Text();
        Assert.EndsWith(ConsentWording.WithoutCountryText, label);
        Assert.DoesNotContain("country", label);

        using (await factory.AnswerAsync(_visitor, slug, "ادریس", "idris.urdu@example.org", culture: "ur", joinList: true)) { }
        var urdu = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>().Subscribers.Single(s => s.Email == "idris.urdu@example.org")));
        Assert.Equal(ConsentWording.WithoutCountryVersion + "-ur", urdu.Consent.Version);
        Assert.Contains("ای میل پتہ اور نام", urdu.Consent.Text);
        Assert.DoesNotContain("ملک", urdu.Consent.Text);
    }
}
