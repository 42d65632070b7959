using System.Text;
using System.Text.Encodings.Web;
using Khilafat.Web.Localization;
using Khilafat.Web.Options;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Email;

/// <summary>
/// The site's emails, each with a plain-text and an HTML body that say the same thing, written in the reader's
/// language (the one they used on the site), right to left in HTML for Arabic and Urdu.
/// </summary>
public sealed partial class EmailTemplates(IOptions<SiteOptions> site, IStringLocalizer<SharedResource> t)
{
    public EmailContent Confirmation(string culture, string? name, string confirmUrl, string unsubscribeUrl) => SiteCultures.In(culture, () => Compose(
        t["Confirm your subscription to the {0} mailing list", SiteName],
        Greeting(name),
        [
            t["Please confirm that you want to join the {0} mailing list.", SiteName].Value,
            Link(t["Confirm my subscription"], confirmUrl),
            t["The link works for 7 days. If you did not ask to join, ignore this email: you will not be added."].Value,
        ],
        unsubscribeUrl));

    public EmailContent PasswordLink(string email, string link, bool newAccount) => SiteCultures.In(SiteCultures.Default, () => Compose(
        newAccount ? $"Your {SiteName} editor account" : $"Set a new password for {SiteName}",
        "Hello,",
        [
            newAccount
                ? $"An admin made an account for {email} on the {SiteName} web site. Choose your password with this link:"
                : $"An admin asked for a new password link for {email}. Choose a new password with this link:",
            Link("Choose my password", link),
            "The link works once, for 3 days. If you did not expect this email, you can ignore it.",
        ],
        unsubscribeUrl: null));

    /// <summary>The link someone asked for with "Forgot your password?" on the sign-in page.</summary>
    public EmailContent ForgottenPassword(string email, string link) => SiteCultures.In(SiteCultures.Default, () => Compose(
        $"Set a new password for {SiteName}",
        "Hello,",
        [
            $"Someone, probably you, asked on the {SiteName} web site for a link to choose a new password for {email}. Choose it with this link:",
            Link("Choose my password", link),
            "The link works once, for 3 days. Using it signs your account out everywhere else. If you did not ask for it, ignore this email: your password stays as it is.",
        ],
        unsubscribeUrl: null));

    public EmailContent TestimonialPublished(string culture, string displayName, string testimonialsUrl, string withdrawUrl) => SiteCultures.In(culture, () => Compose(
        t["Your words are published on the {0} web site", SiteName],
        Greeting(displayName),
        [
            t["Thank you for sharing what the movement means to you. Your testimonial is now published:"].Value,
            Link(t["See it on the site"], testimonialsUrl),
            t["If you change your mind, you can withdraw it at any time with this private link (keep it to yourself):"].Value,
            Link(t["Withdraw my testimonial"], withdrawUrl),
            t["We will not email you again about it, and we have now deleted your email address from it."].Value,
        ],
        unsubscribeUrl: null));

    /// <summary>
    /// An update sent to the list: its words as plain text and as HTML (both rendered from its Markdown), then why they get it, how to
    /// leave, and the movement's address. <paramref name="webUrl"/> links the update on the site when it is there.
    /// Everything around the words is in the reader's language (<paramref name="culture"/>); words in another
    /// (<paramref name="textCulture"/>: the English sent to a language the update has no translation in) are marked
    /// as such, and said to be, as the site shows an untranslated text.
    /// </summary>
    public EmailContent Update(string culture, string textCulture, string subject, string bodyText, string bodyHtml, string? webUrl, string unsubscribeUrl, string address) => SiteCultures.In(culture, () =>
    {
        var e = Encoder;
        var reason = t["You receive this email because you joined the {0} mailing list and confirmed your address.", SiteName].Value;
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (textCulture != culture)
        {
            var notice = t["This text has not been translated into this language yet. Here it is in English."].Value;
            text.Append(notice).Append("\n\n");
            html.Append("<p style=\"font-size:14px;color:#575550\">").Append(e.Encode(notice)).Append("</p>");
        }
        text.Append(bodyText.Trim()).Append("\n\n");
        html.Append(textCulture == culture ? "<div>" : $"<div lang=\"{textCulture}\" dir=\"{SiteCultures.Direction(textCulture)}\" style=\"text-align:{(SiteCultures.IsRightToLeft(textCulture) ? "right" : "left")}\">")
            .Append(bodyHtml).Append("</div>");
        if (webUrl is not null)
        {
            text.Append(t["Read it on the site:"]).Append(' ').Append(webUrl).Append("\n\n");
            html.Append("<p><a href=\"").Append(e.Encode(webUrl)).Append("\">").Append(e.Encode(t["Read it on the site"])).Append("</a></p>");
        }
        text.Append("— ").Append(SiteName).Append("\n\n").Append(reason).Append('\n').Append(address).Append('\n');
        html.Append("<p>— ").Append(e.Encode(SiteName)).Append("</p>")
            .Append("<p style=\"font-size:14px;color:#575550\">").Append(e.Encode(reason)).Append("<br>").Append(e.Encode(address)).Append("</p>");
        return Wrap(subject, text, html, unsubscribeUrl);
    });

    /// <summary>
    /// The welcome an editor wrote (<see cref="MailingList.WelcomeEmail"/>), sent once after a subscriber confirms:
    /// its words as plain text and as HTML (already safe), both rendered from the editor's Markdown, then why they get it.
    /// </summary>
    public EmailContent Welcome(string culture, string? name, string subject, string text, string html, string unsubscribeUrl) => SiteCultures.In(culture, () => Compose(
        subject,
        Greeting(name),
        [
            new Paragraph(text, Html: html),
            t["You receive this email because you joined the {0} mailing list and confirmed your address.", SiteName].Value,
        ],
        unsubscribeUrl));

    /// <summary>The confirmation of a petition signature: the signature counts only once its link's button is pressed.</summary>
    public EmailContent SignatureConfirmation(string culture, string? name, string petitionTitle, string confirmUrl, string petitionUrl) => SiteCultures.In(culture, () => Compose(
        t["Confirm your signature: {0}", petitionTitle],
        Greeting(name),
        [
            t["Please confirm that you want to sign the petition “{0}”. Your signature counts only once you confirm it.", petitionTitle].Value,
            Link(t["Confirm my signature"], confirmUrl),
            t["The link works for 7 days. If you did not sign, ignore this email: no signature is counted in your name."].Value,
            Link(t["Read the petition"], petitionUrl),
        ],
        unsubscribeUrl: null));

    /// <summary>A delivered petition's news, to a signer who asked for it: to whom, the editors' report as typed, and its page.</summary>
    public EmailContent PetitionDelivered(string culture, string? name, string petitionTitle, string addressedTo, string report, string petitionUrl) => SiteCultures.In(culture, () => Compose(
        t["Delivered: {0}", petitionTitle],
        Greeting(name),
        [
            t["The petition you signed, “{0}”, has been delivered.", petitionTitle].Value,
            AroundTyped("It was handed to: {0}", addressedTo),
            AroundTyped("What happened: {0}", report),
            Link(t["Read the petition"], petitionUrl),
            t["You asked us to tell you this once: we will not email you again about it. Your name and email address are erased some months after the petition closed."].Value,
        ],
        unsubscribeUrl: null));

    /// <summary>
    /// A sentence of the reader's language around words an editor typed once for every language (an event's place or
    /// reason): in the HTML those words are isolated, and marked English when they are (<see cref="SiteCultures.LangOf"/>).
    /// </summary>
    private Paragraph AroundTyped(string phrase, string typed)
    {
        var (before, after) = t[phrase].AroundPlaceholder();
        var lang = SiteCultures.LangOf(typed) is { } l ? $" lang=\"{l}\"" : "";
        return new Paragraph(t[phrase, typed], Html: $"<p>{Encoder.Encode(before)}<span dir=\"auto\"{lang}>{Encoder.Encode(typed)}</span>{Encoder.Encode(after)}</p>");
    }

    /// <summary>Arabic and Urdu written as themselves; made once, as every list message goes through it.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private string SiteName => t[site.Value.Name];

    // The name isolated in the HTML: a Latin name before Arabic's comma, or one with brackets, keeps its order.
    private Paragraph Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? t["Hello,"].Value : AroundTyped("Hello {0},", name.Trim());

    private static Paragraph Link(string label, string url) => new(label, url);

    /// <summary>A paragraph of text, a link (<paramref name="Url"/>), or an editor's text (<paramref name="Html"/>: its safe rendering, with <paramref name="Text"/> its plain text).</summary>
    private readonly record struct Paragraph(string Text, string? Url = null, string? Html = null)
    {
        public static implicit operator Paragraph(string text) => new(text);
    }

    private EmailContent Compose(string subject, Paragraph greeting, Paragraph[] paragraphs, string? unsubscribeUrl)
    {
        var culture = SiteCultures.Current;
        var rtl = SiteCultures.IsRightToLeft(culture);
        var text = new StringBuilder().Append(greeting.Text).Append("\n\n");
        // A link's words before its address, as the button says them: a bare address means nothing on its own.
        foreach (var p in paragraphs) (p.Url is null ? text.Append(p.Text) : text.Append(p.Text).Append(":\n").Append(p.Url)).Append("\n\n");
        text.Append("— ").Append(SiteName).Append('\n');

        var e = Encoder;
        var align = rtl ? "right" : "left";
        var html = new StringBuilder().Append(greeting.Html ?? $"<p>{e.Encode(greeting.Text)}</p>");
        foreach (var p in paragraphs)
        {
            html.Append(p.Html is not null ? $"<div>{p.Html}</div>"
                : p.Url is null
                ? $"<p>{e.Encode(p.Text)}</p>"
                : $"<p><a href=\"{e.Encode(p.Url)}\" style=\"display:inline-block;padding:10px 18px;background:#0b5a3a;color:#ffffff;text-decoration:none;border-radius:6px;font-family:Arial,sans-serif;font-weight:bold\">{e.Encode(p.Text)}</a></p><p dir=\"ltr\" style=\"font-size:14px;color:#575550;word-break:break-all;text-align:{align}\">{e.Encode(p.Url)}</p>");
        }
        html.Append("<p>— ").Append(e.Encode(SiteName)).Append("</p>");
        return Wrap(subject, text, html, unsubscribeUrl);
    }

    /// <summary>Puts a message's HTML into the site's email layout (in the current culture's direction), and the unsubscribe link under both bodies.</summary>
    private EmailContent Wrap(string subject, StringBuilder text, StringBuilder body, string? unsubscribeUrl)
    {
        var culture = SiteCultures.Current;
        var rtl = SiteCultures.IsRightToLeft(culture);
        var e = Encoder;
        if (unsubscribeUrl is not null) text.Append('\n').Append(t["Unsubscribe:"]).Append(' ').Append(unsubscribeUrl).Append('\n');
        var html = new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{culture}\" dir=\"{(rtl ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\"><title>").Append(e.Encode(subject)).Append("</title></head>")
            .Append($"<body dir=\"{(rtl ? "rtl" : "ltr")}\" style=\"margin:0;padding:24px;background:#fbfaf6;color:#1c1b19;font-family:Georgia,'Noto Naskh Arabic','Noto Nastaliq Urdu',serif;font-size:17px;line-height:1.7;text-align:{(rtl ? "right" : "left")}\">")
            .Append("<div style=\"max-width:560px;margin:0 auto\">")
            .Append("<p style=\"font-family:Arial,sans-serif;font-weight:bold;color:#084a2f\">").Append(e.Encode(SiteName)).Append("</p>")
            .Append(body);
        if (unsubscribeUrl is not null)
            html.Append("<p style=\"font-size:14px;color:#575550\"><a href=\"").Append(e.Encode(unsubscribeUrl)).Append("\" style=\"color:#575550\">").Append(e.Encode(t["Unsubscribe"])).Append("</a></p>");
        html.Append("</div></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString(), SiteCultures.Current);
    }
}
