using Khilafat.Web.Content;
using Khilafat.Web.Email;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Subscribers.Welcome;

/// <summary>The editor's unsaved welcome as the email a new subscriber would get: its subject, HTML and plain text.</summary>
public class PreviewModel(WelcomeEmail welcome, SiteUrls urls) : PageModel, IPageMeta
{
    [BindProperty]
    public WelcomeForm Input { get; set; } = new();

    [BindProperty]
    public string? Culture { get; set; }

    public EmailContent Email { get; private set; } = null!;

    /// <summary>What is inside the HTML body's &lt;body&gt;, to show within this page.</summary>
    public string HtmlBody { get; private set; } = "";

    public string Language => SiteCultures.IsSupported(Culture) ? Culture! : SiteCultures.Default;
    public string Direction => SiteCultures.IsRightToLeft(Language) ? "rtl" : "ltr";
    public string Title => "Preview: welcome email";
    public bool NoIndex => true;

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task OnPostAsync(CancellationToken ct)
    {
        // Shown even when fields are invalid: a preview is for looking, saving checks them. The link is a sample:
        // each subscriber's own is signed for them when their welcome is queued.
        var sampleUnsubscribe = urls.Absolute(SiteUrls.UnsubscribePath(Language, "sample"));
        Email = await welcome.ComposeAsync(Language, Input.ToInput(), "Amina", sampleUnsubscribe, ct);
        var html = Email.Html;
        var start = html.IndexOf('>', html.IndexOf("<body", StringComparison.Ordinal)) + 1;
        HtmlBody = html[start..html.LastIndexOf("</body>", StringComparison.Ordinal)];
    }
}
