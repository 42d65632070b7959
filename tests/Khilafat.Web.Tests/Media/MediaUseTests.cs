using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Tests.Events;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Media;

public class MediaUseTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private const string PublishButton = "button[formaction*='handler=Publish']";
    private const string SaveButton = "button[formaction*='handler=Save']";

    private readonly HttpClient _visitor = factory.CreateClient();

    [Fact]
    public async Task AnImageInsertedFromThePicker_ShowsOnThePage_AsAResponsivePicture()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var alt = "Volunteers loading blankets " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(2000, 1500), alt);
        var (pageId, slug) = await CreatePageAsync(editor, "Winter appeal");

        var editor_page = await editor.GetDocumentAsync(EditUrl(pageId));
        var markdown = editor_page.QuerySelector($"details.media-picker input#insert-image-{id}")!.GetAttribute("value")!;
        Assert.Equal($"![{alt}](media:{id})", markdown);
        using var saved = await editor.SubmitFormAsync(EditUrl(pageId), Html.Values(("Input.Body", "We collect blankets.\n\n" + markdown)), submitter: SaveButton);
        Assert.Contains("Saved.", (await saved.ReadDocumentAsync()).Status());

        var page = await _visitor.GetDocumentAsync("/" + slug);
        var picture = page.QuerySelector(".prose picture")!;
        var webp = picture.QuerySelector("source[type='image/webp']")!;
        Assert.Equal(["480w", "960w", "1600w"], webp.GetAttribute("srcset")!.Split(", ").Select(s => s.Split(' ')[1]));
        Assert.False(string.IsNullOrEmpty(webp.GetAttribute("sizes")));
        var img = picture.QuerySelector("img")!;
        Assert.Equal(alt, img.GetAttribute("alt"));
        Assert.Equal(("1600", "1200"), (img.GetAttribute("width"), img.GetAttribute("height")));
        foreach (var address in img.GetAttribute("srcset")!.Split(", ").Select(s => s.Split(' ')[0]).Append(img.GetAttribute("src")!))
        {
            using var file = await _visitor.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ALeadImage_ShowsAtTheTopOfThePage_AndAsItsLinkPreview()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var alt = "Banner at the march " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(1800, 1200), alt);
        var (pageId, slug) = await CreatePageAsync(editor, "The march");

        var form = await editor.GetDocumentAsync(EditUrl(pageId));
        Assert.Equal("Lead image", form.QuerySelector("label[for='Input_LeadImageId']")!.Text());
        Assert.Contains(form.QuerySelectorAll("select[name='Input.LeadImageId'] option"), o => o.GetAttribute("value") == id.ToString() && o.Text().StartsWith(alt));
        using var saved = await editor.SubmitFormAsync(EditUrl(pageId), Html.Values(("Input.LeadImageId", id.ToString())), submitter: SaveButton);
        Assert.Equal(id.ToString(), (await saved.ReadDocumentAsync()).QuerySelector("select[name='Input.LeadImageId'] option[selected]")!.GetAttribute("value"));

        var page = await _visitor.GetDocumentAsync("/" + slug);
        Assert.Equal(alt, page.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
        var largest = (await factory.StoredImageAsync(id))!.Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == 1600);
        Assert.Equal("https://localhost/media/" + largest.FileName, Meta(page, "og:image"));
        Assert.Equal(("1600", "1067"), (Meta(page, "og:image:width"), Meta(page, "og:image:height")));
        Assert.Equal(alt, Meta(page, "og:image:alt"));
        Assert.Equal(alt, page.QuerySelector("meta[name='twitter:image:alt']")!.GetAttribute("content"));

        var (updateId, updateSlug) = await factory.CreateUpdateAsync(UpdateTestSupport.NewTitle("Convoy reached Quetta"));
        using var updated = await editor.SubmitFormAsync($"/admin/updates/edit/{updateId}", Html.Values(("Input.LeadImageId", id.ToString())), submitter: SaveButton);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var update = await _visitor.GetDocumentAsync("/updates/" + updateSlug);
        Assert.Equal("https://localhost/media/" + largest.FileName, Meta(update, "og:image"));
        Assert.Equal(alt, update.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task AnEventAndAPetition_TakeALeadImage_AndImagesInTheirText_AndTheLibraryListsThem()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var alt = "Candles at the vigil " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(1800, 1200), alt);
        var largest = (await factory.StoredImageAsync(id))!.Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == 1600);

        var eventTitle = "Vigil for the besieged " + Guid.NewGuid().ToString("N")[..6];
        var (eventId, eventSlug) = await factory.CreateEventAsync(eventTitle, DateTime.UtcNow.AddDays(10));
        var eventForm = await editor.GetDocumentAsync($"/admin/events/edit/{eventId}");
        Assert.NotNull(eventForm.QuerySelector("details.media-picker"));
        using (var saved = await editor.SubmitFormAsync($"/admin/events/edit/{eventId}",
            Html.Values(("Input.LeadImageId", id.ToString()), ("Input.Body", $"We gather in silence.\n\n![{alt}](media:{id})")), submitter: SaveButton))
        {
            Assert.Contains("Saved.", (await saved.ReadDocumentAsync()).Status());
        }
        var eventPage = await _visitor.GetDocumentAsync("/events/" + eventSlug);
        Assert.Equal(alt, eventPage.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
        Assert.Equal(alt, eventPage.QuerySelector(".prose picture img")!.GetAttribute("alt"));
        Assert.Equal("https://localhost/media/" + largest.FileName, Meta(eventPage, "og:image"));

        var petitionTitle = "Open the crossings " + Guid.NewGuid().ToString("N")[..6];
        var petitionId = await factory.WithScopeAsync(async sp =>
        {
            var petitions = sp.GetRequiredService<Khilafat.Web.Petitions.PetitionEditor>();
            var created = Assert.IsType<TextSaveResult.Saved>(await petitions.CreateAsync(new TextInput(petitionTitle, "Let the aid through.", "Open the crossings."),
                new Khilafat.Web.Petitions.PetitionSettings("The Foreign Secretary", 100, null), publish: true, Actor.System));
            Assert.Equal(Khilafat.Web.Petitions.PetitionStateChange.Done, await petitions.OpenAsync(created.ItemId, Actor.System));
            return created.ItemId;
        });
        using (var saved = await editor.SubmitFormAsync($"/admin/petitions/edit/{petitionId}", Html.Values(("Input.LeadImageId", id.ToString())),
            formSelector: "main form:not([action])", submitter: SaveButton))
        {
            Assert.Contains("Saved.", (await saved.ReadDocumentAsync()).Status());
        }
        var petitionSlug = await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.Where(p => p.Id == petitionId).Select(p => p.Slug).SingleAsync());
        var petitionPage = await _visitor.GetDocumentAsync("/petitions/" + petitionSlug);
        Assert.Equal(alt, petitionPage.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
        Assert.Equal("https://localhost/media/" + largest.FileName, Meta(petitionPage, "og:image"));

        var row = (await editor.GetDocumentAsync("/admin/media")).QuerySelectorAll(".media-table tbody tr").Single(r => r.TextContent.Contains(alt));
        Assert.Equal([$"/admin/events/edit/{eventId}", $"/admin/petitions/edit/{petitionId}"], row.QuerySelectorAll(".media-uses a").Select(a => a.GetAttribute("href")!).Distinct().Order());

        // Deleting the image lets both go.
        using (await editor.SubmitFormAsync($"/admin/media/delete/{id}")) { }
        Assert.Null((await factory.StoredEventAsync(eventId)).LeadImageId);
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.Where(p => p.Id == petitionId).Select(p => p.LeadImageId).SingleAsync()));
    }

    [Fact]
    public async Task ATranslatedText_ShowsTheImage_WithTheAltTextInItsLanguage()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var alt = "Doctors at the clinic " + Guid.NewGuid().ToString("N")[..6];
        const string altAr = "أطباء في العيادة";
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(900, 600), alt, altAr: altAr);
        var body = $"The clinic opened.\n\n![{alt}](media:{id})";
        var (updateId, slug) = await factory.CreateUpdateAsync(UpdateTestSupport.NewTitle("Clinic opened"), body);
        await factory.TranslateUpdateAsync(updateId, "ar", "افتتاح العيادة", $"افتتحت العيادة.\n\n![{alt}](media:{id})");

        var english = await _visitor.GetDocumentAsync("/updates/" + slug);
        Assert.Equal(alt, english.QuerySelector(".prose picture img")!.GetAttribute("alt"));
        // The alt text is the image's, for those who do not see it: never printed again beside it.
        Assert.Equal("The clinic opened.", english.QuerySelector(".prose")!.Text());
        Assert.Equal(altAr, (await _visitor.GetDocumentAsync("/ar/updates/" + slug)).QuerySelector(".prose picture img")!.GetAttribute("alt"));
        // Urdu has no translation of the update nor of the alt text: the English of both.
        Assert.Equal(alt, (await _visitor.GetDocumentAsync("/ur/updates/" + slug)).QuerySelector(".prose picture img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task ALeadImageThatIsNotInTheLibrary_IsRefusedBesideTheField()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var (pageId, _) = await CreatePageAsync(editor, "No such image");

        using var response = await editor.SubmitFormAsync(EditUrl(pageId), Html.Values(("Input.LeadImageId", "987654")), submitter: SaveButton);

        Assert.Contains("Choose an image of the library", (await response.ReadDocumentAsync()).FieldError("Input.LeadImageId"));
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Id == pageId).Select(p => p.LeadImageId).SingleAsync()));
    }

    [Fact]
    public async Task DeletingAnImageInUse_WarnsWithWhereItIsUsed_ThenRemovesEveryFile()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var alt = "Relief tents " + Guid.NewGuid().ToString("N")[..6];
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(1200, 900), alt);
        var (inTextId, inTextSlug) = await CreatePageAsync(editor, "Tents in the text", $"Before.\n\n![tents](media:{id})\n\nAfter.");
        var (leadId, _) = await CreatePageAsync(editor, "Tents on top");
        using (await editor.SubmitFormAsync(EditUrl(leadId), Html.Values(("Input.LeadImageId", id.ToString())), submitter: SaveButton)) { }
        var files = (await factory.StoredImageAsync(id))!.Variants.Select(v => v.FileName).ToList();
        Assert.NotNull((await _visitor.GetDocumentAsync("/" + inTextSlug)).QuerySelector(".prose picture"));

        var library = await editor.GetDocumentAsync("/admin/media");
        var row = library.QuerySelectorAll(".media-table tbody tr").Single(r => r.TextContent.Contains(alt));
        Assert.Equal(["Tents in the text", "Tents on top"], row.QuerySelectorAll(".media-uses a").Select(a => a.Text()).Order());

        var confirm = await editor.GetDocumentAsync($"/admin/media/delete/{id}");
        var warning = confirm.QuerySelector(".media-warning")!;
        Assert.Contains("This image is in use", warning.Text());
        Assert.Equal([EditUrl(inTextId), EditUrl(leadId)], warning.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).Order());
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(factory.MediaDirectory, f))));

        using var deleted = await editor.SubmitFormAsync($"/admin/media/delete/{id}");

        Assert.Equal("/admin/media", deleted.LandedOn());
        Assert.Contains("The image is deleted", (await deleted.ReadDocumentAsync()).Status());
        Assert.All(files, f => Assert.False(File.Exists(Path.Combine(factory.MediaDirectory, f)), $"{f} is still stored."));
        Assert.Null(await factory.StoredImageAsync(id));
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Pages.Where(p => p.Id == leadId).Select(p => p.LeadImageId).SingleAsync()));
        var page = await _visitor.GetDocumentAsync("/" + inTextSlug);
        Assert.Null(page.QuerySelector(".prose picture"));
        // Nothing where the image was: not its alt text either.
        Assert.Equal("Before. After.", page.QuerySelector(".prose")!.Text());
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MediaDeleted && e.Target == AuditTargets.Media(id));
        Assert.Equal(email, audit.ActorName);
    }

    [Fact]
    public async Task AnUnusedImage_IsDeletedWithoutAWarning()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(500, 400), "Unused " + Guid.NewGuid().ToString("N")[..6]);

        var confirm = await editor.GetDocumentAsync($"/admin/media/delete/{id}");

        Assert.Null(confirm.QuerySelector(".media-warning"));
        Assert.Contains("No page or update uses it.", confirm.QuerySelector("main")!.Text());
    }

    private static string EditUrl(int id) => $"/admin/pages/edit/{id}";

    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private static async Task<(int Id, string Slug)> CreatePageAsync(HttpClient editor, string title, string body = "Text.")
    {
        var slug = $"media-{Guid.NewGuid().ToString("N")[..10]}";
        using var response = await editor.SubmitFormAsync("/admin/pages/create",
            Html.Values(("Input.Title", title), ("Input.Slug", slug), ("Input.Summary", "About " + title), ("Input.Body", body)), submitter: PublishButton);
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/admin/pages/edit/", landed);
        return (AdminSite.IdFrom(landed), slug);
    }
}
