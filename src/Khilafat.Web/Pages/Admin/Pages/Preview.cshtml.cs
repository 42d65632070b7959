using Khilafat.Web.Content;
using Khilafat.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>The editor's unsaved text, rendered by the public page's own partial in the public layout.</summary>
public class PreviewModel(MarkdownRenderer markdown, MediaPictures pictures, TimeProvider clock) : PageModel, IPageMeta
{
    [BindProperty]
    public PageForm Input { get; set; } = new();

    public PublishedPage Article { get; private set; } = null!;

    public string Title => "Preview: " + Input.Title;
    public string? Description => Input.Summary;
    public bool NoIndex => true;

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task OnPostAsync(CancellationToken ct)
    {
        // Shown even when fields are invalid: a preview is for looking, saving checks them.
        var body = Input.Body ?? "";
        Article = new PublishedPage(Input.Slug ?? "", Input.Title ?? "", Input.Summary ?? "",
            markdown.ToHtml(body, await pictures.ForMarkdownAsync(body, Localization.SiteCultures.Default, ct)), clock.GetUtcNow().UtcDateTime);
    }
}
