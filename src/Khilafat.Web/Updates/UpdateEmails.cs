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
    EmailTemplates templates, MarkdownRenderer markdown, MailingListService mailingList, SiteUrls urls, Media.MediaPictures media,
    IOptions<SendingOptions> sending, IOptions<SiteOptions> site)
{
    private readonly Dictionary<(string Subject, string Body, string Culture), (string Html, string Text)> _rendered = [];

    /// <summary>
    /// The message for one subscriber, with their unsubscribe links; the one-click address goes in the headers. The
    /// words are in <paramref name="textCulture"/> (English, when the update has no translation in theirs), the rest
    /// and every link in the subscriber's own <paramref name="culture"/>.
    /// </summary>
    public async Task<(EmailContent Content, string OneClickUnsubscribe)> ForSubscriberAsync(
        string culture, string textCulture, string subject, string body, string? slug, int subscriberId)
    {
        var (page, oneClick) = await mailingList.UnsubscribeLinksAsync(subscriberId, culture);
        await RenderAsync(subject, body, textCulture, culture);
        return (Compose(culture, textCulture, subject, body, slug, page), oneClick);
    }

    /// <summary>The message as a preview or a test shows it: the unsubscribe link leads to the unsubscribe page, which says it is not a real one.</summary>
    public async Task<EmailContent> SampleAsync(string culture, string textCulture, string subject, string body, string? slug, CancellationToken ct = default)
    {
        await RenderAsync(subject, body, textCulture, culture, ct);
        return Compose(culture, textCulture, subject, body, slug, urls.Absolute(SiteCultures.PathFor(culture, "/unsubscribe")));
    }

    /// <summary>
    /// The words rendered once per send and reader's language (their links to the site's pages lead to them in it), the
    /// library's images they name looked up that once.
    /// </summary>
    private async Task RenderAsync(string subject, string body, string textCulture, string culture, CancellationToken ct = default)
    {
        if (_rendered.ContainsKey((subject, body, culture))) return;
        var root = urls.Absolute("/");
        var pictures = await media.ForMarkdownAsync(body, textCulture, ct);
        _rendered[(subject, body, culture)] = (markdown.ToEmailHtml(body, root, pictures, culture), markdown.ToEmailText(body, root, pictures, culture));
    }

    /// <summary>Where the list is named for mail programs (List-Id, RFC 2919): the list's name at the site's host.</summary>
    public string ListId => $"{site.Value.Name} <updates.{new Uri(urls.Absolute("/")).Host}>";

    private EmailContent Compose(string culture, string textCulture, string subject, string body, string? slug, string unsubscribeUrl)
    {
        var root = urls.Absolute("/");
        var rendered = _rendered[(subject, body, culture)];
        var web = slug is null ? null : urls.Absolute(SiteCultures.PathFor(culture, "/updates/" + slug));
        var address = sending.Value.PostalAddress is { Length: > 0 } postal ? postal : root;
        return templates.Update(culture, textCulture, subject, rendered.Text, rendered.Html, web, unsubscribeUrl, address);
    }
}
