using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Khilafat.Web.Content;
using Khilafat.Web.Media;

namespace Khilafat.Web.UnitTests.Content;

/// <summary>An image of the library named in Markdown (media:ID) becomes its responsive picture, built and encoded by the site.</summary>
public class MarkdownMediaTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly MediaPicture Picture = new(7, "Tents \"in\" <b>rain</b>",
    [
        new PictureFile(480, 320, "image/webp", "/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.webp"),
        new PictureFile(960, 640, "image/webp", "/media/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.webp"),
        new PictureFile(480, 320, "image/jpeg", "/media/cccccccccccccccccccccccccccccccc.jpg"),
        new PictureFile(960, 640, "image/jpeg", "/media/dddddddddddddddddddddddddddddddd.jpg"),
    ]);

    private static IDocument Render(string markdown, IReadOnlyDictionary<int, MediaPicture>? pictures) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + Renderer.ToHtml(markdown, pictures) + "</body></html>");

    [Fact]
    public void ALibraryImage_BecomesAPicture_WithWebpAndJpegSources_SizeAndEncodedAlt()
    {
        var document = Render("Before.\n\n![whatever the editor typed](media:7)", new Dictionary<int, MediaPicture> { [7] = Picture });

        var picture = document.QuerySelector("picture")!;
        Assert.Equal("/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.webp 480w, /media/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.webp 960w",
            picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        var img = picture.QuerySelector("img")!;
        Assert.Equal("/media/cccccccccccccccccccccccccccccccc.jpg 480w, /media/dddddddddddddddddddddddddddddddd.jpg 960w", img.GetAttribute("srcset"));
        Assert.Equal("/media/dddddddddddddddddddddddddddddddd.jpg", img.GetAttribute("src"));
        Assert.Equal(("960", "640"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Tents \"in\" <b>rain</b>", img.GetAttribute("alt"));
        Assert.Empty(document.QuerySelectorAll("b"));
    }

    [Fact]
    public void AnImageNotInTheLibrary_ShowsNothing_AndAMediaLink_GoesNowhere()
    {
        var document = Render("![gone](media:8) and [a link](media:7)", new Dictionary<int, MediaPicture> { [7] = Picture });

        Assert.Empty(document.QuerySelectorAll("picture, img"));
        Assert.Equal("#", document.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void WithoutPictures_AMediaImage_ShowsNothing()
    {
        Assert.Empty(Render("![tents](media:7)", null).QuerySelectorAll("picture, img"));
    }

    [Fact]
    public void TheInsertedMarkdown_NamesTheImage_AndKeepsItsBracketsBalanced()
    {
        Assert.Equal("![Tents (night)](media:7)", MediaPictures.MarkdownFor(7, "Tents [night]"));
        Assert.Equal([7, 12], MediaPictures.IdsIn("![a](media:7)\n![b]( media:12 )\n[c](media:x)").Order());
    }
}
