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

    public Testimonial Testimonial { get; private set; } = null!;

    public string Title => "Edit testimonial";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await moderation.GetAsync(id, ct) is not { } testimonial) return NotFound();
        Testimonial = testimonial;
        Text = testimonial.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await moderation.GetAsync(id, ct) is not { } testimonial) return NotFound();
        Testimonial = testimonial;
        if (!ModelState.IsValid) return Page();
        if (await moderation.EditTextAsync(id, Text, Actor.From(User), ct) is { } error)
        {
            ModelState.AddModelError(nameof(Text), error);
            return Page();
        }
        TempData[StatusMessages.Key] = "The corrected text is saved and shows on the site.";
        return RedirectToPage("Index", new { status = testimonial.Status });
    }
}
