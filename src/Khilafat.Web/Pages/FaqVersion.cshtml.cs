using Khilafat.Web.Caching;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Khilafat.Web.Pages;

/// <summary>/faq/{anchor}/versions/{n}: an FAQ entry as one of its versions was published, and what that version changed.</summary>
[OutputCache(PolicyName = OutputCachePolicies.Public)]
public class FaqVersionModel(ChangeLog changes, MarkdownRenderer markdown) : PageModel, IPageMeta
{
    public FaqEntryVersion Shown { get; private set; } = null!;
    public string AnswerHtml { get; private set; } = "";
    public IReadOnlyList<DiffLine> QuestionDiff { get; private set; } = [];
    public IReadOnlyList<DiffLine> AnswerDiff { get; private set; } = [];

    public string Title => Shown.Text.Title;

    // An old version is kept out of search results; it stands for the FAQ.
    public bool NoIndex => true;
    public string? CanonicalPath => "/faq";

    public string? LanguageSwitchPath => "/faq/changes";

    public async Task<IActionResult> OnGetAsync(string anchor, int number, CancellationToken ct)
    {
        if (!Slugs.IsWellFormed(anchor) || await changes.FaqVersionAsync(anchor, SiteCultures.Current, number, ct) is not { } version) return NotFound();
        Shown = version;
        AnswerHtml = markdown.ToHtml(version.Text.Body, null, Localization.SiteCultures.Current);
        if (version.Previous is { } previous)
        {
            QuestionDiff = WordDiff.Compare(previous.Title, version.Text.Title);
            AnswerDiff = WordDiff.Compare(previous.Body, version.Text.Body);
        }
        return Page();
    }
}
