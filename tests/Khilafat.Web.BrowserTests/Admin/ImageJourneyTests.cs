using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>
/// The editor puts a photo on a page in the browser: uploads it with its alt text, copies its Markdown from the editor's
/// picker into a new page, makes it the lead image, publishes, and sees it on the public page; every step passes axe-core.
/// </summary>
public class ImageJourneyTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    private const string Alt = "Volunteers loading blankets onto a lorry";

    [Fact]
    public async Task TheEditor_UploadsAPhoto_InsertsItInAPage_AndSeesItOnTheSite_EachStepPassingAxe()
    {
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();

        // Upload, with its alt text.
        await page.OpenAsync("/admin/media");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Image file").SetInputFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = Photo(1800, 1200) });
        await page.GetByLabel("Alt text in English").FillAsync(Alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The image is uploaded");
        await Expect(page.Locator(".media-table img").First).ToHaveAttributeAsync("alt", Alt);
        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "admin-media-library");

        // A new page, then the image: its Markdown from the picker, and the lead image from the list.
        await page.OpenAsync("/admin/pages/create");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync("Winter relief");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Slug" }).FillAsync("winter-relief-photos");
        await page.GetByLabel("Body (Markdown)").FillAsync("The lorries left on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit page", Level = 1 })).ToBeVisibleAsync();
        await page.GetByText("Insert an image").ClickAsync();
        var markdown = await page.GetByLabel($"Markdown for “{Alt}”").InputValueAsync();
        Assert.Matches(@"^!\[Volunteers loading blankets onto a lorry\]\(media:\d+\)$", markdown);
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Body (Markdown)").FillAsync("The lorries left on Friday.\n\n" + markdown);
        await page.GetByLabel("Lead image").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");

        // On the site: the lead image and the picture in the text, both loaded, both described.
        await page.OpenAsync("/winter-relief-photos");
        var pictures = page.GetByRole(AriaRole.Img, new() { Name = Alt });
        await Expect(pictures).ToHaveCountAsync(2);
        foreach (var picture in await pictures.AllAsync())
        {
            await picture.ScrollIntoViewIfNeededAsync();
            await Expect(picture).ToBeVisibleAsync();
            Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The picture did not load.");
        }
        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "public-page-with-images");
    }

    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x2e, 0x5e, 0x4e));
            using var paint = new SKPaint { Color = new SKColor(0xf0, 0xc0, 0x60) };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
