using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Khilafat.Web.Data;
using Khilafat.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Uploading through /admin/media as a browser does, and reading what the media library stored.</summary>
public static class MediaSite
{
    /// <summary>
    /// Posts the upload form (multipart: the file as "Upload", its alt texts) and returns the page it ends on: the
    /// library with its status message when uploaded, the form with its messages when refused.
    /// </summary>
    public static async Task<IHtmlDocument> UploadImageAsync(this HttpClient editor, byte[] file, string fileName, string contentType,
        string? altEn, string? altAr = null, string? altUr = null)
    {
        var form = await editor.GetDocumentAsync("/admin/media");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { content, "Upload", fileName },
            { new StringContent(altEn ?? ""), "AltEn" },
            { new StringContent(altAr ?? ""), "AltAr" },
            { new StringContent(altUr ?? ""), "AltUr" },
        };
        using var response = await editor.PostAsync("/admin/media", body);
        var page = await response.ReadDocumentAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The upload answered {(int)response.StatusCode}: {page.QuerySelector("main")?.Text()}");
        return page;
    }

    /// <summary>Uploads an image that must be accepted; returns its id.</summary>
    public static async Task<int> UploadAcceptedAsync(this SiteFactory site, HttpClient editor, byte[] file, string alt, string fileName = "photo.jpg",
        string contentType = "image/jpeg", string? altAr = null)
    {
        var page = await editor.UploadImageAsync(file, fileName, contentType, alt, altAr);
        Assert.True(page.Status().Contains("The image is uploaded"), $"The upload was not accepted: {page.ErrorSummary()} {page.FieldError("Upload")}");
        return await site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().MediaImages.Where(i => i.Alt == alt).Select(i => i.Id).SingleAsync());
    }

    /// <summary>The image's row with its variants, as stored.</summary>
    public static Task<MediaImage?> StoredImageAsync(this SiteFactory site, int id) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().MediaImages.AsNoTracking().Include(i => i.Variants).SingleOrDefaultAsync(i => i.Id == id));

    public static Task<int> ImageCountAsync(this SiteFactory site) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().MediaImages.CountAsync());

    /// <summary>Every file in the site's media folder.</summary>
    public static IReadOnlyList<string> StoredFiles(this SiteFactory site) =>
        Directory.Exists(site.MediaDirectory) ? Directory.GetFiles(site.MediaDirectory).Select(Path.GetFileName).OfType<string>().Order().ToList() : [];

    public static byte[] ReadStoredFile(this SiteFactory site, string name) => File.ReadAllBytes(Path.Combine(site.MediaDirectory, name));
}
