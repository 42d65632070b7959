using System.Net;
using System.Text.Json;
using Khilafat.Web.Audit;
using Khilafat.Web.Events;
using Khilafat.Web.Petitions;
using Khilafat.Web.Tests.Events;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Petitions;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>
/// /admin/subscribers/person: someone writes "erase me"; an editor finds everything under their address (the list,
/// a petition, an event) and erases it, with a second press, leaving only what it counted.
/// </summary>
public class PersonalDataTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private const string Page = "/admin/subscribers/person";

    [Fact]
    public async Task AnEditor_FindsAPersonEverywhere_DownloadsIt_AndErasesIt_LeavingTheCountsTrue()
    {
        var person = Visitor.NewAddress("erase.me");
        var other = Visitor.NewAddress("stays");
        var visitor = factory.CreateClient();
        await visitor.SignUpAndConfirmAsync(factory, person, name: "Erase Me");
        var (petitionId, slug) = await factory.CreatePetitionAsync(PetitionTestSupport.NewTitle("Erasable"));
        await visitor.SignAndConfirmAsync(factory, slug, PetitionTestSupport.SignValues(person, name: "Zubeida Mehmet", showName: true));
        await visitor.SignAndConfirmAsync(factory, slug, PetitionTestSupport.SignValues(other, name: "Stays Here"));
        var (eventId, eventSlug) = await factory.CreateEventAsync(EventTestSupport.NewTitle("Full vigil"), factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(20).AddHours(18), capacity: 1, maxParty: 1);
        await factory.AnswerAndConfirmAsync(visitor, eventSlug, "Erase Me", person);
        Assert.Equal("You are on the waitlist", (await factory.AnswerAndConfirmAsync(visitor, eventSlug, "Next In Line", other)).QuerySelector("h1")!.Text());
        Assert.Contains("Zubeida M.", (await factory.CreateClient().GetDocumentAsync($"/petitions/{slug}")).QuerySelector(".petition-signers")!.Text());
        var (editor, _) = await factory.EditorAsync();

        // Found by the address however its local part is typed; the address goes in the form, never in the page's URL.
        using var find = await editor.SubmitFormAsync(Page, Html.Values(("Email", person.ToUpperInvariant())), "form[action*='handler=Find']");
        Assert.Equal(Page + "?handler=Find", find.LandedOn());
        var found = await find.ReadDocumentAsync();
        var records = found.QuerySelector("dl.person-records")!.Text();
        Assert.Contains("Confirmed, since", records);
        Assert.Contains($"{slug}: Confirmed", records);
        Assert.Contains($"{eventSlug} (", records);

        using var download = await editor.SubmitAsync(found.Form("form[action*='handler=Download']"), Page);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Erase Me", json.RootElement.GetProperty("Subscriber").GetProperty("Name").GetString());
            var signature = json.RootElement.GetProperty("PetitionSignatures")[0];
            Assert.Equal("Zubeida Mehmet", signature.GetProperty("Name").GetString());
            Assert.True(signature.GetProperty("ShowName").GetBoolean());
            Assert.Equal("NotAsked", signature.GetProperty("DeliveryNotice").GetString());
            Assert.Equal("Confirmed", json.RootElement.GetProperty("EventAnswers")[0].GetProperty("Status").GetString());
        }

        // The first press only asks.
        using var asked = await editor.SubmitAsync(found.Form("form[action*='handler=Erase']"), Page);
        var confirm = await asked.ReadDocumentAsync();
        Assert.Contains("This cannot be undone.", confirm.QuerySelector("form.confirm-erase")!.Text());
        Assert.NotNull(await factory.SubscriberAsync(person));

        using var erased = await editor.SubmitAsync(confirm.Form("form.confirm-erase"), Page);
        var after = await erased.ReadDocumentAsync();
        Assert.StartsWith("Erased: 1 subscriber, 1 petition signature, 1 event answer, 0 testimonials' addresses,", after.Status());
        // The emails as found before (erasing the subscriber took theirs with it, and the count once said none went).
        var emails = int.Parse(System.Text.RegularExpressions.Regex.Match(records, @"outbox:?\s*(\d+)").Groups[1].Value);
        Assert.True(emails > 0, records);
        Assert.Contains($"testimonials' addresses, {emails} email", after.Status());
        Assert.Contains("the site holds nothing under this address", after.QuerySelector(".empty-state")!.Text());

        Assert.Null(await factory.SubscriberAsync(person));
        Assert.Empty(await factory.OutboxToAsync(person));
        var signatures = await factory.SignaturesAsync(petitionId);
        var theirs = Assert.Single(signatures, s => s.Email is null);
        Assert.Equal((null, "PK", SignatureStatus.Confirmed), (theirs.Name, theirs.Country, theirs.Status));
        Assert.Contains(signatures, s => s.Email == other);
        await factory.CreateClient().WaitForCountShownAsync(slug, "2 signatures");
        Assert.DoesNotContain("Zubeida", (await factory.CreateClient().GetDocumentAsync($"/petitions/{slug}")).Body!.Text());
        // Their place at the vigil went to the next in line, told by email.
        var answers = await factory.RsvpsAsync(eventId);
        Assert.Equal((null, RsvpStatus.Cancelled), (answers.Single(r => r.Email is null).Name, answers.Single(r => r.Email is null).Status));
        Assert.Equal(RsvpStatus.Confirmed, answers.Single(r => r.Email == other).Status);
        Assert.StartsWith("A place is free for you", (await factory.EmailsToAsync(other)).Last().Subject);
        // The log says what was done, never to whom.
        var entry = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.PersonalDataErased);
        Assert.DoesNotContain("erase.me", entry.Details!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_IsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        var (editor, _) = await factory.EditorAsync();

        using var response = await editor.SubmitFormAsync(Page, Html.Values(("Email", "not an address")), "form[action*='handler=Find']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter an email address like name@example.org.", page.FieldError("Email"));
        Assert.Equal("not an address", page.GetElementById("Email")!.GetAttribute("value"));
    }
}
