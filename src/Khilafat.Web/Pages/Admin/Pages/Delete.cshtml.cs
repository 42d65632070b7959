using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Pages;

/// <summary>Deleting a page asks first, and where its readers should go: a new address, or nowhere (410 Gone).</summary>
public class DeleteModel(PageEditor pages) : PageModel, IPageMeta
{
    public EditablePage Stored { get; private set; } = null!;

    [BindProperty]
    [StringLength(500, ErrorMessage = "The new address must be at most {1} characters.")]
    [Display(Name = "New address (optional)")]
    public string? RedirectTo { get; set; }

    public string Title => "Delete page";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await pages.GetAsync(id) is not { } page || PageEditor.Permanent.Contains(page.Slug)) return NotFound();
        Stored = page;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await pages.GetAsync(id) is not { } page || PageEditor.Permanent.Contains(page.Slug)) return NotFound();
        Stored = page;
        if (!ModelState.IsValid) return Page();
        switch (await pages.DeleteAsync(id, RedirectTo, Actor.From(User)))
        {
            case PageEditor.DeleteResult.Deleted:
                TempData[StatusMessages.Key] = string.IsNullOrWhiteSpace(RedirectTo)
                    ? $"The page is deleted: {page.PublicPath} now answers “gone”."
                    : $"The page is deleted: {page.PublicPath} now leads to {RedirectTo.Trim()}.";
                return RedirectToPage("Index");
            case PageEditor.DeleteResult.BadRedirect:
                ModelState.AddModelError(nameof(RedirectTo), "Give an address on this site that starts with one /, for example /our-work.");
                return Page();
            case PageEditor.DeleteResult.RedirectsToItself:
                ModelState.AddModelError(nameof(RedirectTo), $"Give another page's address: {RedirectTo!.Trim()} leads back to {page.PublicPath}, the page being deleted, and readers would go round in a loop.");
                return Page();
            default:
                return NotFound();
        }
    }
}
