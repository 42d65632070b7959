using Khilafat.Web.Events;
using Khilafat.Web.Localization;

namespace Khilafat.Web.Email;

/// <summary>The emails of events' RSVPs, in the attendee's language (see <see cref="EventEmails"/>).</summary>
public sealed partial class EmailTemplates
{
    public EmailContent RsvpConfirmation(string culture, string? name, EventFacts facts, string confirmUrl) => SiteCultures.In(culture, () => Compose(
        t["Confirm your answer: {0}", facts.Title],
        Greeting(name),
        [
            t["Please confirm that you are coming to “{0}”.", facts.Title].Value,
            facts.When,
            Link(t["Confirm that I am coming"], confirmUrl),
            t["The link works for 7 days. If you did not answer this event, ignore this email: no answer is counted in your name, and what was given is erased."].Value,
        ],
        unsubscribeUrl: null));

    public EmailContent RsvpConfirmed(string culture, string? name, EventFacts facts, int people, string? onlineUrl, string cancelUrl, bool promoted) => SiteCultures.In(culture, () => Compose(
        promoted ? t["A place is free for you: {0}", facts.Title] : t["You are coming: {0}", facts.Title],
        Greeting(name),
        [
            promoted ? t["A place has become free, and it is yours: you are coming to “{0}”.", facts.Title].Value : t["Thank you: you are coming to “{0}”.", facts.Title].Value,
            .. EventLines(facts, people, onlineUrl),
            t["If you cannot come after all, please cancel, so that your places go to someone on the waitlist:"].Value,
            ManageLink(facts, cancelUrl),
        ],
        unsubscribeUrl: null));

    public EmailContent RsvpWaitlisted(string culture, string? name, EventFacts facts, int people, string cancelUrl) => SiteCultures.In(culture, () => Compose(
        t["You are on the waitlist: {0}", facts.Title],
        Greeting(name),
        [
            t["“{0}” is full, so you are on its waitlist, in the order people confirmed. We will email you as soon as a place is free for your party.", facts.Title].Value,
            .. EventLines(facts, people, null),
            t["If you no longer want a place, leave the waitlist here:"].Value,
            ManageLink(facts, cancelUrl),
        ],
        unsubscribeUrl: null));

    /// <summary>
    /// An answer's number changed from the attendee's own link: what it holds now, and the link again, so that a change
    /// made by someone the email was forwarded to does not go unseen. (A waiting answer given a place by the change gets
    /// <see cref="RsvpConfirmed"/> instead.)
    /// </summary>
    public EmailContent RsvpChanged(string culture, string? name, EventFacts facts, int people, string? onlineUrl, string cancelUrl, bool waiting) => SiteCultures.In(culture, () => Compose(
        t["Your answer is changed: {0}", facts.Title],
        Greeting(name),
        [
            waiting
                ? t["Your answer to “{0}” is changed, and you keep your turn on the waitlist. We will email you as soon as a place is free for your party.", facts.Title].Value
                : t["Your answer to “{0}” is changed: you are coming, with the number of people below.", facts.Title].Value,
            .. EventLines(facts, people, waiting ? null : onlineUrl),
            t["If you did not make this change, set your answer right here:"].Value,
            ManageLink(facts, cancelUrl),
        ],
        unsubscribeUrl: null));

    public EmailContent EventReminder(string culture, string? name, EventFacts facts, string? onlineUrl, string cancelUrl) => SiteCultures.In(culture, () => Compose(
        t["Reminder: {0}", facts.Title],
        Greeting(name),
        [
            t["A reminder: “{0}” is soon.", facts.Title].Value,
            .. EventLines(facts, null, onlineUrl),
            t["If you cannot come after all, please cancel, so that your places go to someone on the waitlist:"].Value,
            ManageLink(facts, cancelUrl),
        ],
        unsubscribeUrl: null));

    /// <summary>What an email says for the time of an event postponed with no new date yet.</summary>
    public string NewDateToBeAnnounced(string culture) => SiteCultures.In(culture, () => t["New date to be announced"].Value);

    public EmailContent EventNotice(string culture, string? name, EventFacts facts, EventState state, string? reason, string? cancelUrl) => SiteCultures.In(culture, () => Compose(
        state switch
        {
            EventState.Cancelled => t["Cancelled: {0}", facts.Title],
            EventState.Postponed or EventState.DateToBeAnnounced => t["Postponed: {0}", facts.Title],
            _ => t["Changed: {0}", facts.Title],
        },
        Greeting(name),
        [
            state switch
            {
                EventState.Cancelled => t["We are sorry: “{0}” is cancelled.", facts.Title].Value,
                EventState.Postponed => t["“{0}” is postponed to a new date.", facts.Title].Value,
                EventState.DateToBeAnnounced => t["“{0}” is postponed. Its new date is not set yet: we will email it to you as soon as it is.", facts.Title].Value,
                _ => t["The time or place of “{0}” has changed.", facts.Title].Value,
            },
            .. reason is null ? Array.Empty<Paragraph>() : [AroundTyped("Why: {0}", reason)],
            // Cancelled: which one (two vigils may share a name), without the calendar link, which would add it.
            .. state == EventState.Cancelled ? CancelledLines(facts) : EventLines(facts, null, null),
            .. cancelUrl is null ? Array.Empty<Paragraph>() : [new Paragraph(t["If you cannot come now, please cancel:"]), ManageLink(facts, cancelUrl)],
        ],
        unsubscribeUrl: null));

    /// <summary>The attendee's own link, named for what it does there: cancel, and change how many come where that can change.</summary>
    private Paragraph ManageLink(EventFacts facts, string url) => Link(facts.PeopleCanChange ? t["Change or cancel my answer"] : t["Cancel my answer"], url);

    private Paragraph[] CancelledLines(EventFacts facts) =>
        facts.Place.Length > 0
            ? [t["When: {0}", facts.When].Value, AroundTyped("Where: {0}", facts.Place), Link(t["The event's page"], facts.PageUrl)]
            : [t["When: {0}", facts.When].Value, Link(t["The event's page"], facts.PageUrl)];

    private Paragraph[] EventLines(EventFacts facts, int? people, string? onlineUrl)
    {
        // The notice of a change says what moved under what it is now, as the attendee was told it before.
        var lines = new List<Paragraph> { t["When: {0}", facts.When].Value };
        if (facts.WasWhen is { } wasWhen) lines.Add(t["Was: {0}", wasWhen].Value);
        if (facts.Place.Length > 0) lines.Add(AroundTyped("Where: {0}", facts.Place));
        if (facts.WasPlace is { } wasPlace) lines.Add(AroundTyped("Was at: {0}", wasPlace));
        if (people is { } n) lines.Add(t["People: {0}", n].Value);
        if (onlineUrl is not null) { lines.Add(t["Join online with this link (keep it to yourself):"].Value); lines.Add(Link(t["Join online"], onlineUrl)); }
        lines.Add(Link(t["The event's page"], facts.PageUrl));
        if (!facts.DateToBeAnnounced) lines.Add(Link(t["Add it to my calendar"], facts.CalendarUrl));
        if (facts.ErasedIfUndatedOn is { } erasedOn)
            lines.Add(t["If no new date is set by {0}, your name and email address are erased that day, as after an event, and we cannot email you the date: look for it on the event's page.", erasedOn].Value);
        return [.. lines];
    }
}
