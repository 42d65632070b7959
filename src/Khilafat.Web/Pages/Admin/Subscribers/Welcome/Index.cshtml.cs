using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Khilafat.Web.MailingList;
using Microsoft.AspNetCore.Mvc;

namespace Khilafat.Web.Pages.Admin.Subscribers.Welcome;

/// <summary>
/// The welcome email in one language: English at /admin/subscribers/welcome, a translation at
/// /admin/subscribers/welcome/{culture}. Published, it goes once to each new subscriber who confirms.
/// </summary>
public class IndexModel(WelcomeEmail welcome) : TextEditorPageModel, IPageMeta
{
    [BindProperty]
    public WelcomeForm Input { get; set; } = new();

    /// <summary>The stored text in <see cref="Culture"/>; null until its first save.</summary>
    public TextView? Stored { get; private set; }

    /// <summary>For a translation: the English welcome beside it; null when it is not written yet.</summary>
    public TextView? Original { get; private set; }

    /// <summary>Whether each language's welcome is published, for the links between them.</summary>
    public IReadOnlyList<(string Culture, bool? Published)> Languages { get; private set; } = [];

    public string Culture => RouteData.Values["culture"] as string ?? SiteCultures.Default;
    public bool IsTranslation => Culture != SiteCultures.Default;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => "Welcome email" + (IsTranslation ? $" ({SiteCultures.NativeName(Culture)})" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = WelcomeForm.From(Stored);
        return Page();
    }

    /// <summary>"Save draft" on an unpublished welcome, "Update" on a published one.</summary>
    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(0, TextChange.Keep);

    public Task<IActionResult> OnPostPublishAsync() => SaveAsync(0, TextChange.Publish);

    public Task<IActionResult> OnPostUnpublishAsync() => SaveAsync(0, TextChange.Unpublish);

    protected override async Task<IActionResult> SaveAsync(int id, TextChange change)
    {
        if (!await LoadAsync(default)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await welcome.SaveAsync(Culture, Input.Version, Input.ToInput(), change, Actor.From(User));
        var message = DraftMessage(change) ?? change switch
        {
            TextChange.Publish => "Published: new subscribers who confirm now get this welcome.",
            TextChange.Unpublish => "Unpublished: new subscribers get no welcome in this language" + (IsTranslation ? " (the English one, if it is published)." : "."),
            _ => Stored?.IsPublished == true ? "Saved. New subscribers get it from now on." : "Saved. It is not sent until you publish it.",
        };
        return Outcome(result, "welcome email", Input.ToInput(), v => Input.Version = v, message, () => RedirectToPage(new { culture = RouteData.Values["culture"] }), "Subject");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!SiteCultures.IsSupported(Culture)) return false;
        var languages = new List<(string, bool?)>();
        foreach (var culture in SiteCultures.All)
        {
            var text = await welcome.GetAsync(culture, ct);
            if (culture == Culture) Stored = text;
            if (culture == SiteCultures.Default) Original = text;
            languages.Add((culture, text?.IsPublished));
        }
        Languages = languages;
        return true;
    }
}
