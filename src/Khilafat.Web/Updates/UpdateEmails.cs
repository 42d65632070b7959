using Khilafat.Web.Content;
using Khilafat.Web.Email;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Khilafat.Web.Options;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Updates;

/// <summary>
/// Turns a send's words into the email one subscriber gets: the words are rendered once per send and language, the
/// unsubscribe links for each message. The same code renders the editor's preview and test send, so what they see
/// is what goes.
/// </summary>
public sealed class UpdateEmails(
    EmailTemplates templates, MarkdownRenderer markdown, MailingListService mailingList, SiteUrls urls,
    IOptions<SendingOptions> sending, IOptions<SiteOptions> site)
{
    private readonly Dictionary<(string Subject, string Body), (string Html, string Text)> _rendered = [];

    /// <summary>
    /// The message for one subscriber, with their unsubscribe links; the one-click address goes in the headers. The
    /// words are in <paramref name="textCulture"/> (English, when the update has no translation in theirs), the rest
    /// and every link in the subscriber's own <paramref name="culture"/>.
    /// </summary>
    public async Task<(EmailContent Content, string OneClickUnsubscribe)> ForSubscriberAsync(
        string culture, string textCulture, string subject, string body, string? slug, int subscriberId)
    {
        var (page, oneClick) = await mailingList.UnsubscribeLinksAsync(subscriberId, culture);
        return (Compose(culture, textCulture, subject, body, slug, page), oneClick);
    }

    /// <summary>The message as a preview or a test shows it: the unsubscribe link leads to the unsubscribe page, which says it is not a real one.</summary>
    public EmailContent Sample(string culture, string subject, string body, string? slug) =>
        Compose(culture, culture, subject, body, slug, urls.Absolute(SiteCultures.PathFor(culture, "/unsubscribe")));

    /// <summary>Where the list is named for mail programs (List-Id, RFC 2919): the list's name at the site's host.</summary>
    public string ListId => $"{site.Value.Name} <updates.{new Uri(urls.Absolute("/")).Host}>";

    private EmailContent Compose(string culture, string textCulture, string subject, string body, string? slug, string unsubscribeUrl)
    {
        var root = urls.Absolute("/");
        if (!_rendered.TryGetValue((subject, body), out var rendered))
            _rendered[(subject, body)] = rendered = (markdown.ToEmailHtml(body, root), MarkdownRenderer.WithAbsoluteLinks(body, root));
        var web = slug is null ? null : urls.Absolute(SiteCultures.PathFor(culture, "/updates/" + slug));
        var address = sending.Value.PostalAddress is { Length: > 0 } postal ? postal : root;
        return templates.Update(culture, textCulture, subject, rendered.Text, rendered.Html, web, unsubscribeUrl, address);
    }
}
