using System.Text.RegularExpressions;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Email;
using Khilafat.Web.Events;
using Khilafat.Web.Localization;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Events;

/// <summary>
/// The site for the event tests: no mail server, so every email stays in the outbox, where the tests read it as the
/// attendee would (its subject, its text and its links).
/// </summary>
public class EventSiteFactory : AdminSiteFactory;

/// <summary>What the event tests do again and again: make an event as an editor would, answer it as a visitor, read the emails.</summary>
public static partial class EventTestSupport
{
    public static string NewTitle(string words) => $"{words} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The site's now plus <paramref name="ahead"/>, down to the whole hour (UTC): a time an editor would type.</summary>
    public static DateTime InWholeHours(this SiteFactory factory, TimeSpan ahead)
    {
        var at = factory.Clock.GetUtcNow().UtcDateTime + ahead;
        return new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>5 pm UTC, <paramref name="days"/> days from the site's today.</summary>
    public static DateTime InDays(this SiteFactory factory, int days) => factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(days).AddHours(17);

    /// <summary>What an event's page says of its places ("7 of 10"), as a visitor reads it.</summary>
    public static string PlacesLeft(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".event-facts dt").Single(dt => dt.Text() == "Places left").NextElementSibling!.Text();

    /// <summary>Creates (and publishes) an event through the editor; returns its id and address. Times are UTC.</summary>
    public static async Task<(int Id, string Slug)> CreateEventAsync(this SiteFactory factory, string title, DateTime startsAt, int capacity = 50,
        int maxParty = 4, string zone = "UTC", string place = "Hyde Park, London", string? onlineUrl = null, TimeSpan? length = null, bool publish = true)
    {
        var fields = new EventFields(startsAt, startsAt + (length ?? TimeSpan.FromHours(2)), zone, place, onlineUrl, capacity, maxParty);
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>()
            .CreateAsync(new TextInput(title, "A peaceful gathering.", "We gather in silence for the people of Gaza."), fields, publish, Actor.System));
        var saved = Assert.IsType<TextSaveResult.Saved>(result);
        var slug = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Events.Where(e => e.Id == saved.ItemId).Select(e => e.Slug).SingleAsync());
        return (saved.ItemId, slug);
    }

    public static Task<Event> StoredEventAsync(this SiteFactory factory, int id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Events.AsNoTracking().SingleAsync(e => e.Id == id));

    public static Task<List<Rsvp>> RsvpsAsync(this SiteFactory factory, int eventId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Rsvps.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>Every email queued to <paramref name="address"/>, oldest first.</summary>
    public static Task<List<OutboxMessage>> EmailsToAsync(this SiteFactory factory, string address) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The one link in an email's text that leads to <paramref name="path"/> (path and query, as a browser would open it).</summary>
    public static string LinkTo(this OutboxMessage email, string path)
    {
        var match = Regex.Match(email.TextBody ?? "", @"https://localhost((?:/[a-z]{2})?" + Regex.Escape(path) + @"[^\s]*)");
        Assert.True(match.Success, $"No link to {path} in \"{email.Subject}\": {email.TextBody}");
        return match.Groups[1].Value;
    }

    /// <summary>Answers an event on its RSVP page as a person would (taking more than the form's minimum fill time); returns where they landed.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(this SiteFactory factory, HttpClient visitor, string slug, string name, string email,
        int people = 1, string culture = SiteCultures.Default, bool joinList = false, bool consent = true)
    {
        var url = SiteCultures.PathFor(culture, EventReader.RsvpPath(slug));
        var document = await visitor.GetDocumentAsync(url);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var values = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name), new("Input.Email", email), new("Input.People", people.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (consent) values.Add(new("Input.Consent", "true"));
        if (joinList) values.Add(new("Input.JoinList", "true"));
        return await visitor.SubmitAsync(document.Form(), url, values);
    }

    /// <summary>
    /// <see cref="AnswerAndConfirmAsync(SiteFactory, HttpClient, string, string, string, int)"/> where mail is really sent:
    /// the link is read from the SMTP server, since the outbox drops a message's words once it is sent (read from the
    /// outbox, it was there or not as the sender's timing went: a full run failed on it once).
    /// </summary>
    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> AnswerAndConfirmAsync(this MailSiteFactory factory, HttpClient visitor, string slug, string name,
        string email, int people = 1)
    {
        using var answered = await factory.AnswerAsync(visitor, slug, name, email, people);
        Assert.Equal("/events/rsvp/thanks", answered.LandedOn());
        var messages = await Poll.UntilAsync(async () =>
        {
            await factory.LetRetriesComeAsync(email);
            return factory.Smtp.MessagesTo(email).Where(m => (m.TextBody ?? "").Contains("/events/rsvp/confirm?token=")).ToList();
        }, m => m.Count > 0, $"an RSVP confirmation to {email}");
        using var confirmed = await visitor.SubmitFormAsync(Mailbox.PathAndQuery(messages[^1].LinkTo("/events/rsvp/confirm")));
        return await confirmed.ReadDocumentAsync();
    }

    /// <summary>Answers, then opens the emailed link and presses its button; returns the page it ends on.</summary>
    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> AnswerAndConfirmAsync(this SiteFactory factory, HttpClient visitor, string slug, string name,
        string email, int people = 1)
    {
        using var answered = await factory.AnswerAsync(visitor, slug, name, email, people);
        Assert.Equal("/events/rsvp/thanks", answered.LandedOn());
        var link = (await factory.EmailsToAsync(email)).Last(m => m.Kind == OutboxKinds.RsvpConfirmation).LinkTo("/events/rsvp/confirm");
        using var confirmed = await visitor.SubmitFormAsync(link);
        return await confirmed.ReadDocumentAsync();
    }
}
