using AngleSharp.Html.Dom;
using Khilafat.Web.Audit;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khilafat.Web.Tests.Events.EventTestSupport;

namespace Khilafat.Web.Tests.Events;

/// <summary>
/// An attendee changing how many come, from their own link (the cancel link of their emails): fewer frees places for
/// the waitlist at once, more is had only while places are free, a waiting answer keeps its turn.
/// </summary>
public class RsvpChangeTests(EventSiteFactory factory) : IClassFixture<EventSiteFactory>
{
    private const string PeopleForm = "main form[action*='handler=People']";
    private readonly HttpClient _visitor = factory.CreateClient();

    private static string? Done(IHtmlDocument page) => page.QuerySelector("main p.notice[role=status]")?.Text();

    private static string? Chosen(IHtmlDocument page) => ((IHtmlSelectElement)page.QuerySelector("select[name=People]")!).Value;

    /// <summary>The attendee's own link, from the last email that carries it.</summary>
    private async Task<string> OwnLinkAsync(string email) =>
        (await factory.EmailsToAsync(email)).Last(m => m.Kind == OutboxKinds.RsvpDetails).LinkTo("/events/rsvp/cancel");

    private async Task<IHtmlDocument> ChangeAsync(IHtmlDocument page, string link, int people)
    {
        using var response = await _visitor.SubmitAsync(page.Form(PeopleForm), link, Html.Values(("People", people.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await response.ReadDocumentAsync();
    }

    /// <summary>The emails telling <paramref name="email"/> their answer was changed, oldest first.</summary>
    private async Task<List<OutboxMessage>> ChangeNewsAsync(string email) =>
        [.. (await factory.EmailsToAsync(email)).Where(m => m.Subject.StartsWith("Your answer is changed", StringComparison.Ordinal))];

    private async Task<int> PartySizeAsync(int eventId, string name) => (await factory.RsvpsAsync(eventId)).Single(r => r.Name == name).PartySize;

    [Fact]
    public async Task AnAttendee_ComingWithFewer_FreesPlacesForTheWaitlist_AndWithMore_OnlyWhilePlacesAreFree()
    {
        var title = NewTitle("Vigil");
        var (id, slug) = await factory.CreateEventAsync(title, factory.InDays(9), capacity: 5, maxParty: 3);
        var (amina, bilal) = (Visitor.NewAddress("amina"), Visitor.NewAddress("bilal"));
        Assert.Equal("You are coming", (await factory.AnswerAndConfirmAsync(_visitor, slug, "Amina", amina, people: 3)).QuerySelector("h1")!.Text());
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("You are on the waitlist", (await factory.AnswerAndConfirmAsync(_visitor, slug, "Bilal", bilal, people: 3)).QuerySelector("h1")!.Text());

        // The emailed link says what it does now, and its page offers the numbers the event allows, the answer's chosen.
        Assert.Contains("Change or cancel my answer", (await factory.EmailsToAsync(amina)).Last(m => m.Kind == OutboxKinds.RsvpDetails).TextBody);
        var aminasLink = await OwnLinkAsync(amina);
        var page = await _visitor.GetDocumentAsync(aminasLink);
        Assert.Equal("Change or cancel your answer", page.QuerySelector("h1")!.Text());
        Assert.Equal(["1", "2", "3"], ((IHtmlSelectElement)page.QuerySelector("select[name=People]")!).Options.Select(o => o.Value));
        Assert.Equal("3", Chosen(page));
        Assert.Equal("How many people, with you", page.QuerySelector("label[for=People]")!.Text());

        // Fewer: the place freed, with the two left, makes room for Bilal's three, who is told at once.
        page = await ChangeAsync(page, aminasLink, 2);
        Assert.Equal("Done: your answer now holds 2 places.", Done(page));
        Assert.Equal("2", Chosen(page));
        Assert.Equal(2, await PartySizeAsync(id, "Amina"));
        Assert.Equal(RsvpStatus.Confirmed, (await factory.RsvpsAsync(id)).Single(r => r.Name == "Bilal").Status);
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync(bilal)).Last().Subject);
        Assert.Equal("None: new answers join the waitlist", PlacesLeft(await _visitor.GetDocumentAsync("/events/" + slug)));
        // Amina is told what her answer holds now, with her link again in case someone else used it.
        var news = Assert.Single(await ChangeNewsAsync(amina));
        Assert.Equal("Your answer is changed: " + title, news.Subject);
        Assert.Contains("you are coming, with the number of people below", news.TextBody);
        Assert.Contains("People: 2", news.TextBody);
        Assert.Contains("If you did not make this change, set your answer right here:", news.TextBody);
        Assert.Equal(aminasLink, news.LinkTo("/events/rsvp/cancel"));

        // More, with none free: refused beside the field, the answer keeps its two, and the form keeps the choice.
        page = await ChangeAsync(page, aminasLink, 3);
        Assert.Equal("No more places are free: your answer still holds 2.", page.FieldError("People"));
        Assert.Null(Done(page));
        Assert.Equal("3", Chosen(page));
        Assert.Equal(2, await PartySizeAsync(id, "Amina"));
        Assert.Single(await ChangeNewsAsync(amina)); // nothing changed, nothing sent

        // Bilal comes with one: two places free, and Amina's third is hers.
        var bilalsLink = await OwnLinkAsync(bilal);
        var bilalsPage = await ChangeAsync(await _visitor.GetDocumentAsync(bilalsLink), bilalsLink, 1);
        Assert.Equal("Done: your answer now holds 1 place.", Done(bilalsPage));
        page = await ChangeAsync(await _visitor.GetDocumentAsync(aminasLink), aminasLink, 3);
        Assert.Equal("Done: your answer now holds 3 places.", Done(page));
        Assert.Equal("1 of 5", PlacesLeft(await _visitor.GetDocumentAsync("/events/" + slug)));

        // Bilal wants three again: one place is free, not two.
        bilalsPage = await ChangeAsync(bilalsPage, bilalsLink, 3);
        Assert.Equal("Only 1 more place is free: your answer still holds 1.", bilalsPage.FieldError("People"));
        Assert.Equal((3, 1), (await PartySizeAsync(id, "Amina"), await PartySizeAsync(id, "Bilal")));
    }

    [Fact]
    public async Task AWaitingAttendee_ComingWithFewer_KeepsTheirTurn_AndNothingChangesOnceTheEventIsCancelled()
    {
        var (id, slug) = await factory.CreateEventAsync(NewTitle("March"), factory.InDays(11), capacity: 3, maxParty: 3);
        var (chen, dalia, emre) = (Visitor.NewAddress("chen"), Visitor.NewAddress("dalia"), Visitor.NewAddress("emre"));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Chen", chen, people: 2);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Dalia", dalia, people: 3);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Emre", emre, people: 2);

        // Dalia, first in the waitlist, now needs one place: the one free is hers, before Emre's turn.
        var daliasLink = await OwnLinkAsync(dalia);
        var page = await ChangeAsync(await _visitor.GetDocumentAsync(daliasLink), daliasLink, 1);
        Assert.Equal("Done: your answer now holds 1 place.", Done(page));
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync(dalia)).Last().Subject);
        Assert.Empty(await ChangeNewsAsync(dalia)); // the place's email says it all

        // Emre comes alone, but no place is left: he waits for one, in his turn.
        var emresLink = await OwnLinkAsync(emre);
        page = await ChangeAsync(await _visitor.GetDocumentAsync(emresLink), emresLink, 1);
        Assert.Equal("Done: you wait for 1 place, in your turn on the waitlist.", Done(page));
        var emres = (await factory.RsvpsAsync(id)).Single(r => r.Name == "Emre");
        Assert.Equal((RsvpStatus.Waitlisted, 1), (emres.Status, emres.PartySize));
        var news = Assert.Single(await ChangeNewsAsync(emre));
        Assert.Contains("you keep your turn on the waitlist", news.TextBody);
        Assert.Contains("People: 1", news.TextBody);

        // A number the event does not allow (a form changed by hand) is refused beside the field.
        page = await ChangeAsync(page, emresLink, 9);
        Assert.Equal("Choose how many people come, from 1 to 3.", page.FieldError("People"));
        using (var notANumber = await _visitor.SubmitAsync(page.Form(PeopleForm), emresLink, Html.Values(("People", "many"))))
            Assert.Equal("Choose how many people come, from 1 to 3.", (await notANumber.ReadDocumentAsync()).FieldError("People"));
        Assert.Equal(1, await PartySizeAsync(id, "Emre"));
        Assert.Single(await ChangeNewsAsync(emre));

        // The event is cancelled: the page no longer offers a change, and the form already open changes nothing.
        await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().CancelAsync(id, "The permit was withdrawn.", Actor.System));
        var afterwards = await _visitor.GetDocumentAsync(emresLink);
        Assert.Null(afterwards.QuerySelector(PeopleForm));
        Assert.Equal("Cancel your answer", afterwards.QuerySelector("h1")!.Text());
        page = await ChangeAsync(page, emresLink, 2);
        Assert.Equal("This event no longer takes changes.", Done(page));
        Assert.Equal(1, await PartySizeAsync(id, "Emre"));

        // A link that is not the site's changes nothing either.
        using var forged = await _visitor.SubmitAsync(page.Form(), "/events/rsvp/cancel?handler=People", Html.Values(("Token", "forged"), ("People", "2")));
        Assert.Contains("We do not recognise this link.", (await forged.ReadDocumentAsync()).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AnArabicAttendee_ChangesTheirNumber_AndIsToldInArabic()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Gathering"), factory.InDays(15), capacity: 10, maxParty: 4);
        var sara = Visitor.NewAddress("sara");
        using (await factory.AnswerAsync(_visitor, slug, "سارة", sara, people: 2, culture: "ar")) { }
        using (await _visitor.SubmitFormAsync((await factory.EmailsToAsync(sara)).Single().LinkTo("/events/rsvp/confirm"))) { }

        var link = await OwnLinkAsync(sara);
        Assert.StartsWith("/ar/", link);
        var page = await ChangeAsync(await _visitor.GetDocumentAsync(link), link, 3);
        Assert.Equal(("ar", "rtl"), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal("تم: يحجز ردّك الآن 3 أماكن.", Done(page));

        var news = (await factory.EmailsToAsync(sara)).Last();
        Assert.StartsWith("تغيّر ردّك: ", news.Subject);
        Assert.Contains("إن لم تُجرِ هذا التغيير بنفسك، فصحّح ردّك من هنا:", news.TextBody);
        Assert.Equal(link, news.LinkTo("/events/rsvp/cancel"));
    }

    [Fact]
    public async Task AnEventForOnePersonEach_OffersOnlyCancelling()
    {
        var (_, slug) = await factory.CreateEventAsync(NewTitle("Talk"), factory.InDays(13), maxParty: 1);
        var fatima = Visitor.NewAddress("fatima");
        await factory.AnswerAndConfirmAsync(_visitor, slug, "Fatima", fatima);

        var details = (await factory.EmailsToAsync(fatima)).Last(m => m.Kind == OutboxKinds.RsvpDetails);
        Assert.Contains("Cancel my answer", details.TextBody);
        Assert.DoesNotContain("Change or cancel", details.TextBody);
        var page = await _visitor.GetDocumentAsync(await OwnLinkAsync(fatima));
        Assert.Equal("Cancel your answer", page.QuerySelector("h1")!.Text());
        Assert.Null(page.QuerySelector(PeopleForm));
    }
}
