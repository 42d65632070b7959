using System.Net;
using System.Net.Http.Headers;
using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Media;

public class MediaServingTests(AdminSiteFactory factory) : IClassFixture<AdminSiteFactory>
{
    private readonly HttpClient _visitor = factory.CreateClient();

    [Theory]
    [InlineData("image/webp")]
    [InlineData("image/jpeg")]
    public async Task AVariant_IsServedToAnyone_AsImmutable_WithAStrongETag(string contentType)
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(1000, 800), "Convoy at dawn " + contentType);
        var variant = (await factory.StoredImageAsync(id))!.Variants.First(v => v.ContentType == contentType && v.Width == 960);

        using var response = await _visitor.GetAsync("/media/" + variant.FileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{Path.GetFileNameWithoutExtension(variant.FileName)}\"", etag.Tag);
        Assert.Equal(factory.ReadStoredFile(variant.FileName), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AVariantTheBrowserHas_AnswersNotModified()
    {
        var (editor, _) = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.UploadAcceptedAsync(editor, TestImages.PhotoWithMetadata(700, 500), "Food parcels on a table");
        var name = (await factory.StoredImageAsync(id))!.Variants.First().FileName;
        using var first = await _visitor.GetAsync("/media/" + name);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/media/" + name);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await _visitor.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/media/" + name);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef0123456789abcdef\""));
        using var changed = await _visitor.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("/media/0123456789abcdef0123456789abcdef.webp")]
    [InlineData("/media/site.db")]
    [InlineData("/media/..%2Fsite.db")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF.jpg")]
    public async Task AnythingButAStoredVariant_IsNotFound(string path)
    {
        using var response = await _visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
