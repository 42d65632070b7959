using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Media;

/// <summary>On the real server, whose request limit (1 MB for every other form) the test server does not apply.</summary>
public class MediaRealServerTests(MediaRealServerTests.Site factory) : IClassFixture<MediaRealServerTests.Site>
{
    /// <summary>Kestrel, with an upload limit low enough to pass in a test.</summary>
    public sealed class Site : KestrelSiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("Media:MaxBytes", (4 * 1024 * 1024).ToString()));
    }

    [Fact]
    public async Task APhotoLargerThanOtherForms_IsUploaded_AndOneOverTheLimit_IsRefusedBesideTheField()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        using var editor = factory.CreateRealClient();
        await editor.SignInAsync(email);
        var photo = TestImages.PhotoWithMetadata(2000, 1500, noisy: true);
        Assert.InRange(photo.Length, 1024 * 1024 + 1, 4 * 1024 * 1024);

        var id = await factory.UploadAcceptedAsync(editor, photo, "Crowd at the rally, a large photo");

        Assert.Equal(6, (await factory.StoredImageAsync(id))!.Variants.Count);
        var filesBefore = factory.StoredFiles();
        var tooLarge = new byte[5 * 1024 * 1024];
        photo.CopyTo(tooLarge, 0);
        var page = await editor.UploadImageAsync(tooLarge, "huge.jpg", "image/jpeg", "Too large");
        Assert.Contains("larger than the 4 MB accepted", page.FieldError("Upload"));
        Assert.Equal(filesBefore, factory.StoredFiles());
    }
}
