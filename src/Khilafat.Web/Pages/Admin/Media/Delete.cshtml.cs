using Khilafat.Web.Audit;
using Khilafat.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Khilafat.Web.Pages.Admin.Media;

/// <summary>Deleting asks first, and says where the image is used: this page is the confirmation, and only its POST deletes.</summary>
public class DeleteModel(MediaLibrary library) : PageModel, IPageMeta
{
    public MediaListItem Image { get; private set; } = null!;

    public string Title => "Delete image";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } image) return NotFound();
        Image = image;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await library.DeleteAsync(id, Actor.From(User), ct)) return NotFound();
        TempData[StatusMessages.Key] = "The image is deleted, with every one of its files.";
        return RedirectToPage("Index");
    }
}
