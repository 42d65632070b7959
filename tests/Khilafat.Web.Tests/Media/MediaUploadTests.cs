using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Khilafat.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Khilafat.Web.Tests.Media;

public class MediaUploadTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    [Fact]
    public async Task AnUploadedPhoto_IsStoredInEveryWidth_WithNoTraceOfItsMetadata()
    {
        var (editor, email) = await factory.SignedInClientAsync(Roles.Editor);
        var photo = TestImages.PhotoWithMetadata(2000, 1500);
        // The fixture does carry what must go, so finding none of it afterwards means it was removed.
        Assert.All(TestImages.MetadataMarkers.Where(m => m.Name != "ICC profile"), m => Assert.True(TestImages.Find(photo, m.Bytes) >= 0, $"The fixture lacks its {m.Name}."));

        var id = await factory.UploadAcceptedAsync(editor, photo, "Vigil outside the town hall");

        var image = (await factory.StoredImageAsync(id))!;
        Assert.Equal((2000, 1500), (image.Width, image.Height));
        Assert.Equal(["image/jpeg 480x360", "image/jpeg 960x720", "image/jpeg 1600x1200", "image/webp 480x360", "image/webp 960x720", "image/webp 1600x1200"],
            image.Variants.OrderBy(v => v.ContentType).ThenBy(v => v.Width).Select(v => $"{v.ContentType} {v.Width}x{v.Height}"));
        foreach (var variant in image.Variants)
        {
            var stored = factory.ReadStoredFile(variant.FileName);
            foreach (var (name, marker) in TestImages.MetadataMarkers)
                Assert.True(TestImages.Find(stored, marker) < 0, $"{variant.FileName} still has its {name}.");
            using var decoded = TestImages.Decode(stored);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
        }
        var audit = Assert.Single(await factory.AuditEntriesAsync(), e => e.Action == AuditActions.MediaUploaded && e.Target == AuditTargets.Media(id));
        Assert.Equal(email, audit.ActorName);
    }

    [Fact]
    public async Task APhotoTakenSideways_IsStoredUpright_ByItsExifOrientation()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        // Stored 400 × 200, red left and blue right; orientation 6 says: turn a quarter clockwise to see it.
        var photo = TestImages.PhotoWithMetadata(400, 200, orientation: 6);

        var id = await factory.UploadAcceptedAsync(editor, photo, "Banner held sideways");

        var image = (await factory.StoredImageAsync(id))!;
        Assert.Equal((200, 400), (image.Width, image.Height));
        var jpeg = Assert.Single(image.Variants, v => v.ContentType == "image/jpeg");
        using var upright = TestImages.Decode(factory.ReadStoredFile(jpeg.FileName));
        Assert.Equal((200, 400), (upright.Width, upright.Height));
        // The stored left (red) is now the top, the stored right (blue) the bottom.
        AssertNear(SKColors.Red, upright.GetPixel(100, 50));
        AssertNear(SKColors.Blue, upright.GetPixel(100, 350));
    }

    [Fact]
    public async Task APngWithTransparency_KeepsIt_InEveryFile()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);

        var id = await factory.UploadAcceptedAsync(editor, TestImages.TransparentPng(300, 200), "Logo of the relief convoy", "logo.png", "image/png");

        var image = (await factory.StoredImageAsync(id))!;
        // Narrower than the narrowest width: one size, its own, never enlarged; PNG rather than JPEG beside the WebP, since JPEG has no transparency.
        Assert.Equal(["image/png 300x200", "image/webp 300x200"], image.Variants.Select(v => $"{v.ContentType} {v.Width}x{v.Height}").Order());
        foreach (var variant in image.Variants)
        {
            using var decoded = TestImages.Decode(factory.ReadStoredFile(variant.FileName));
            Assert.Equal(0, decoded.GetPixel(20, 100).Alpha);
            Assert.Equal(255, decoded.GetPixel(280, 100).Alpha);
            AssertNear(SKColors.Green, decoded.GetPixel(280, 100));
        }
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "text", "minutes.jpg", "image/jpeg", "is not a JPEG, PNG or WebP image" },
        { "svg", "logo.svg", "image/svg+xml", "is not a JPEG, PNG or WebP image" },
        { "truncated", "vigil.jpg", "image/jpeg", "damaged or incomplete" },
        { "bomb", "huge.png", "image/png", "100000 × 100000 pixels" },
        // Within the pixels accepted, but taller at any width the site stores than WebP holds (16,383 a side).
        { "strip", "strip.png", "image/png", "1 × 30000 pixels: too tall for its width" },
        { "tall", "tall.png", "image/png", "1000 × 18000 pixels: too tall for its width" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AFileThatIsNotASafeImage_IsRefusedBesideTheField_AndNothingIsStored(string kind, string fileName, string contentType, string message)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var file = kind switch
        {
            "text" => TestImages.TextFile(),
            "svg" => TestImages.Svg(),
            "truncated" => TestImages.TruncatedJpeg(),
            "strip" => TestImages.TransparentPng(1, 30_000),
            "tall" => TestImages.TransparentPng(1_000, 18_000),
            _ => TestImages.PixelBombPng(),
        };
        var filesBefore = factory.StoredFiles();
        var imagesBefore = await factory.ImageCountAsync();
        var uploadsBefore = (await factory.AuditEntriesAsync()).Count(e => e.Action == AuditActions.MediaUploaded);

        var page = await editor.UploadImageAsync(file, fileName, contentType, "Refused " + kind);

        Assert.Contains(message, page.FieldError("Upload"));
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(filesBefore, factory.StoredFiles());
        Assert.Equal(imagesBefore, await factory.ImageCountAsync());
        Assert.Equal(uploadsBefore, (await factory.AuditEntriesAsync()).Count(e => e.Action == AuditActions.MediaUploaded));
    }

    [Fact]
    public async Task AnImageWithoutAltText_IsRefused_AndNothingIsStored()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var filesBefore = factory.StoredFiles();
        var imagesBefore = await factory.ImageCountAsync();

        var page = await editor.UploadImageAsync(TestImages.PhotoWithMetadata(600, 400), "photo.jpg", "image/jpeg", "  ");

        Assert.Contains("Describe the image in English", page.FieldError("AltEn"));
        Assert.Equal(filesBefore, factory.StoredFiles());
        Assert.Equal(imagesBefore, await factory.ImageCountAsync());
    }

    [Fact]
    public async Task PhotosUploadedAtOnce_WaitTheirTurn_AndEachIsStoredFromItsOwnFile()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        // Photos are processed a few at a time; the others wait holding only their buffered file, read when their turn comes.
        int[] widths = [700, 800, 900, 1000, 1100];

        var ids = await Task.WhenAll(widths.Select(w => factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(w, w * 3 / 4), $"Relief convoy, photo {w} wide")));

        foreach (var (width, id) in widths.Zip(ids))
        {
            var image = (await factory.StoredImageAsync(id))!;
            Assert.Equal((width, width * 3 / 4), (image.Width, image.Height));
            var widest = image.Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == width);
            using var decoded = TestImages.Decode(factory.ReadStoredFile(widest.FileName));
            Assert.Equal((width, width * 3 / 4), (decoded.Width, decoded.Height));
        }
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        // JPEG and lossy WebP move colours a little; a wrong orientation or a lost channel moves them all the way.
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, found {actual}.");
    }
}
