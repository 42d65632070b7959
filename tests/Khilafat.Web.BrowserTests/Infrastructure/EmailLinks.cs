using AngleSharp.Html.Parser;
using MimeKit;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>The links a person would press in a mailing-list email, read from its HTML part by their text.</summary>
public sealed record EmailLinks(string Confirm, string Unsubscribe)
{
    public static EmailLinks From(MimeMessage message)
    {
        Assert.False(string.IsNullOrEmpty(message.HtmlBody), $"The email \"{message.Subject}\" has no HTML part.");
        var document = new HtmlParser().ParseDocument(message.HtmlBody);
        string Link(string text)
        {
            var link = document.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == text);
            Assert.True(link is not null, $"The email \"{message.Subject}\" has no link \"{text}\".");
            return link!.GetAttribute("href")!;
        }
        return new EmailLinks(Link("Confirm my subscription"), Link("Unsubscribe"));
    }
}
