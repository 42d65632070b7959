using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Testimonials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Testimonials;

/// <summary>Correcting a typo in an approved testimonial. The words as submitted are kept and shown beside it.</summary>
public class EditModel(TestimonialModeration moderation) : PageModel, IPageMeta
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the text.")]
    [StringLength(Testimonial.TextMaxLength, MinimumLength = Testimonial.TextMinLength, ErrorMessage = "The text must be {2} to {1} characters.")]
    public string Text { get; set; } = "";

    /// <summary>The text on the site when the form was opened: a correction saved by someone else since is not overwritten unseen.</summary>
    [BindProperty]
    public string? Was { get; set; }

    public Testimonial Testimonial { get; private set; } = null!;

    /// <summary>Another editor's correction came first: their text is shown beside what this editor typed.</summary>
    public bool CorrectedMeanwhile { get; private set; }

    public string Title => "Edit testimonial";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await moderation.GetAsync(id, ct) is not { } testimonial) return NotFound();
        Testimonial = testimonial;
        Text = testimonial.Text;
        Was = testimonial.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await moderation.GetAsync(id, ct) is not { } testimonial) return NotFound();
        Testimonial = testimonial;
        if (!ModelState.IsValid) return Page();
        if (await moderation.EditTextAsync(id, Text, Was, Actor.From(User), ct) is { } error)
        {
            ModelState.AddModelError(nameof(Text), error);
            if (error == TestimonialModeration.CorrectedMeanwhile)
            {
                // The form now carries the text as it is, so saving again replaces it knowingly.
                CorrectedMeanwhile = true;
                Testimonial = await moderation.GetAsync(id, ct) ?? testimonial;
                Was = Testimonial.Text;
                ModelState.Remove(nameof(Was));
            }
            return Page();
        }
        TempData[StatusMessages.Key] = "The corrected text is saved and shows on the site.";
        return RedirectToPage("Index", new { status = testimonial.Status });
    }
}
