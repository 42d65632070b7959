using System.Globalization;
using System.Text;
using System.Xml;

namespace Khilafat.Web.Content;

/// <summary>
/// One entry of an Atom feed. <see cref="Id"/> must never change (an absolute address that stays, or a tag: URI),
/// <see cref="Link"/> is absolute; <see cref="Language"/> is marked on the entry when it differs from the feed's.
/// </summary>
public sealed record AtomEntry(string Id, string Title, DateTime Updated, string Link, string Summary, string Language,
    DateTime? Published = null, string? ContentHtml = null);

/// <summary>A feed's own fields: its language, title, absolute self and alternate (HTML) addresses, and author.</summary>
public sealed record AtomFeedHead(string Language, string Title, string SelfUrl, string AlternateUrl, string Author);

/// <summary>Writes an Atom feed (RFC 4287) for every feed of the site: the change feed and the updates' feeds.</summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Writes the feed as the response, with the feed's id its self address and its updated time its newest entry's.</summary>
    public static async Task WriteAsync(HttpContext http, AtomFeedHead head, IReadOnlyList<AtomEntry> entries, CancellationToken ct)
    {
        var output = new MemoryStream();
        await using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "feed", Atom);
            await xml.WriteAttributeStringAsync("xml", "lang", null, head.Language);
            // The base of the entries' relative links ("/ar/statement" in an update's text), which a reader of the feed
            // elsewhere cannot guess (RFC 4287, 2: xml:base).
            await xml.WriteAttributeStringAsync("xml", "base", null, new Uri(head.SelfUrl).GetLeftPart(UriPartial.Authority) + "/");
            await xml.WriteElementStringAsync(null, "id", Atom, head.SelfUrl);
            await xml.WriteElementStringAsync(null, "title", Atom, head.Title);
            await xml.WriteElementStringAsync(null, "updated", Atom, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : DateTime.UnixEpoch));
            await WriteLinkAsync(xml, "self", head.SelfUrl, "application/atom+xml");
            await WriteLinkAsync(xml, "alternate", head.AlternateUrl, "text/html");
            await xml.WriteStartElementAsync(null, "author", Atom);
            await xml.WriteElementStringAsync(null, "name", Atom, head.Author);
            await xml.WriteEndElementAsync();
            foreach (var entry in entries)
            {
                await xml.WriteStartElementAsync(null, "entry", Atom);
                if (entry.Language != head.Language) await xml.WriteAttributeStringAsync("xml", "lang", null, entry.Language);
                await xml.WriteElementStringAsync(null, "id", Atom, entry.Id);
                await xml.WriteElementStringAsync(null, "title", Atom, entry.Title);
                await xml.WriteElementStringAsync(null, "updated", Atom, Time(entry.Updated));
                if (entry.Published is { } published) await xml.WriteElementStringAsync(null, "published", Atom, Time(published));
                await WriteLinkAsync(xml, "alternate", entry.Link, "text/html");
                await xml.WriteElementStringAsync(null, "summary", Atom, entry.Summary);
                if (entry.ContentHtml is { } html)
                {
                    await xml.WriteStartElementAsync(null, "content", Atom);
                    await xml.WriteAttributeStringAsync(null, "type", null, "html");
                    await xml.WriteStringAsync(html);
                    await xml.WriteEndElementAsync();
                }
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }
        await Caching.EntityTags.WriteAsync(http, output.ToArray(), "application/atom+xml; charset=utf-8", ct);
    }

    private static async Task WriteLinkAsync(XmlWriter xml, string rel, string href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", Atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private static string Time(DateTime utc) => Localization.SiteTimeZone.IsoUtc(utc);
}
