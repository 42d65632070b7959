using System.ComponentModel.DataAnnotations;
using Khilafat.Web.Audit;
using Khilafat.Web.Media;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Pages.Admin.Media;

/// <summary>/admin/media: the library (every image, where it is used, the Markdown that inserts it) and the upload form.</summary>
// The site's 1 MB limit on a request is raised for this form alone, and before anything reads the body (the anti-forgery
// check is the first to): routing applies it from the page's metadata. Up to the ceiling, a file over Media:MaxBytes
// is read (to disk, past 64 KB) and refused beside the field; only beyond it does the server answer 413.
[RequestSizeLimit(MediaOptions.MaxBytesCeiling + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaOptions.MaxBytesCeiling + 64 * 1024)]
public class IndexModel(MediaLibrary library, IOptions<MediaOptions> options) : PageModel, IPageMeta
{
    [BindProperty]
    [Display(Name = "Image file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    [Display(Name = "Alt text in English")]
    public string? AltEn { get; set; }

    [BindProperty]
    [Display(Name = "Alt text in Arabic (optional)")]
    public string? AltAr { get; set; }

    [BindProperty]
    [Display(Name = "Alt text in Urdu (optional)")]
    public string? AltUr { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<MediaListItem> Images { get; private set; } = [];

    public long MaxBytes => options.Value.MaxBytes;

    public string Title => "Images";

    public async Task OnGetAsync(CancellationToken ct) => Images = await library.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose an image file (JPEG, PNG or WebP).");
        else if (Upload.Length > options.Value.MaxBytes) ModelState.AddModelError(nameof(Upload), ImageProcessor.TooLargeMessage(options.Value.MaxBytes));
        if (string.IsNullOrWhiteSpace(AltEn)) ModelState.AddModelError(nameof(AltEn), "Describe the image in English for people who cannot see it (the alt text).");
        if (!ModelState.IsValid) return await PageAsync(ct);

        await using var stream = Upload!.OpenReadStream();
        switch (await library.UploadAsync(stream, Upload.Length, new AltTexts(AltEn, AltAr, AltUr), Actor.From(User), ct))
        {
            case UploadResult.Uploaded uploaded:
                StatusMessage = $"The image is uploaded (image {uploaded.Id}). Insert it in a text with {MediaPictures.MarkdownFor(uploaded.Id, AltEn!.Trim())}, or choose it as a lead image.";
                return RedirectToPage();
            case UploadResult.Refused refused:
                ModelState.AddModelError(refused.Field, refused.Message);
                return await PageAsync(ct);
            default:
                throw new InvalidOperationException("An upload that was neither refused nor uploaded.");
        }
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Images = await library.ListAsync(ct);
        return Page();
    }
}
