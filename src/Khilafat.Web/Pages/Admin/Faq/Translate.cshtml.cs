using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Faq;

/// <summary>An FAQ entry's translation, beside its English original. Until published, /faq in that language shows the English entry.</summary>
public class TranslateModel(TranslationEditor translations) : PageModel, IPageMeta
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public FaqInput Original { get; private set; } = null!;

    public string Culture => (string)RouteData.Values["culture"]!;
    public string Direction => SiteCultures.IsRightToLeft(Culture) ? "rtl" : "ltr";
    public string Title => $"Translate a question into {SiteCultures.NativeName(Culture)}";

    public async Task<IActionResult> OnGetAsync(int id, string culture, CancellationToken ct)
    {
        if (await translations.GetFaqAsync(id, culture, ct) is not var (original, translation)) return NotFound();
        Original = original;
        Input = new InputModel { Question = translation?.Question ?? "", Answer = translation?.Answer ?? "", IsPublished = translation?.IsPublished ?? true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string culture, CancellationToken ct)
    {
        if (await translations.GetFaqAsync(id, culture, ct) is not var (original, _)) return NotFound();
        Original = original;
        if (!ModelState.IsValid) return Page();
        var (found, errors) = await translations.SaveFaqAsync(id, culture, Input.Question, Input.Answer, Input.IsPublished, Actor.From(User), ct);
        if (!found) return NotFound();
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError("Input." + field, message);
            return Page();
        }
        TempData["StatusMessage"] = "The translation is saved.";
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the question.")]
        [StringLength(FaqEntry.QuestionMaxLength, ErrorMessage = "The question must be at most {1} characters.")]
        public string Question { get; set; } = "";

        [Required(ErrorMessage = "Enter the answer.")]
        [StringLength(FaqEntry.AnswerMaxLength, ErrorMessage = "The answer must be at most {1} characters.")]
        [Display(Name = "Answer (Markdown)")]
        public string Answer { get; set; } = "";

        [Display(Name = "Published")]
        public bool IsPublished { get; set; } = true;
    }
}
