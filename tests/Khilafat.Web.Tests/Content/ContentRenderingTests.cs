using System.Net;
using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Content;

public class ContentRenderingTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<TextSaveResult> CreatePageAsync(string slug, string body, bool publish = true) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<PageEditor>()
            .CreateAsync(slug, new TextInput("Test " + slug, "A test page.", body), publish, Actor.System));

    [Fact]
    public async Task RawHtmlInMarkdown_IsShownAsTextAndNeverRun()
    {
        var created = await CreatePageAsync("raw-html", """
            Hello <script>alert('x')</script> world.

            <img src=x onerror="alert(1)">

            <iframe src="https://evil.example"></iframe>

            [click](javascript:alert(1)) and [tab](java&#x09;script:alert(2)) and [data](data:text/html,<script>alert(3)</script>)

            <SCRIPT SRC=//evil.example/x.js></SCRIPT>
            """);
        Assert.IsType<TextSaveResult.Saved>(created);

        var html = await _client.GetStringAsync("/raw-html");
        var page = Html.Parse(html);
        var prose = page.QuerySelector(".prose")!;

        Assert.Empty(prose.QuerySelectorAll("script, iframe, img, object, embed"));
        Assert.DoesNotContain(prose.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(prose.QuerySelectorAll("a"), a => Assert.Equal("#", a.GetAttribute("href")));
        Assert.Contains("<script>alert('x')</script>", prose.TextContent);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task MarkdownFormatting_IsRendered()
    {
        await CreatePageAsync("formatted", "## A heading\n\nSome **bold** text and a [link](https://example.org/a).\n\n- one\n- two\n");

        var page = await _client.GetDocumentAsync("/formatted");
        var prose = page.QuerySelector(".prose")!;

        Assert.Equal("A heading", prose.QuerySelector("h2")!.Text());
        Assert.Equal("bold", prose.QuerySelector("strong")!.Text());
        Assert.Equal("https://example.org/a", prose.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, prose.QuerySelectorAll("li").Length);
    }

    // A translator keeps the English text's links; a reader of the Arabic or Urdu page followed them to English pages.
    [Fact]
    public async Task ALinkToAPageOfTheSite_LeadsToItInTheReadersLanguage_AndALinkToAFileStaysAsWritten()
    {
        await CreatePageAsync("linked", "Read [the statement](/statement#calls), the [FAQ](/ar/faq), [the home page](/), [a map](/media/map.pdf) and [elsewhere](https://example.org/statement).");

        var english = (await _client.GetDocumentAsync("/linked")).QuerySelector(".prose")!;
        var urdu = (await _client.GetDocumentAsync("/ur/linked")).QuerySelector(".prose")!;

        Assert.Equal(["/statement#calls", "/ar/faq", "/", "/media/map.pdf", "https://example.org/statement"], english.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/ur/statement#calls", "/ar/faq", "/ur", "/media/map.pdf", "https://example.org/statement"], urdu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task UnpublishedPage_Is404()
    {
        await CreatePageAsync("a-draft", "Not yet.", publish: false);

        using var response = await _client.GetAsync("/a-draft");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Not yet.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ContentChange_ShowsOnTheNextRequest()
    {
        var before = await _client.GetStringAsync("/statement");
        Assert.Contains("Reviving Khilafat for Justice", before);
        Assert.Equal(before, await _client.GetStringAsync("/statement"));

        var saved = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khilafat.Web.Data.SiteDbContext>();
            var editor = sp.GetRequiredService<PageEditor>();
            var page = (await editor.GetAsync(db.Pages.Single(p => p.Slug == "statement").Id))!;
            return await editor.UpdateAsync(page.Id, page.Text.Version, page.Slug,
                page.Text.Working with { Title = "Reviving Khilafat for Justice (edited)", Body = page.Text.Working.Body + "\n\nAn added closing line." },
                TextChange.Keep, Actor.System);
        });
        Assert.IsType<TextSaveResult.Saved>(saved);

        var after = await _client.GetDocumentAsync("/statement");
        Assert.Equal("Reviving Khilafat for Justice (edited)", after.QuerySelector("h1")!.Text());
        Assert.Contains("An added closing line.", after.QuerySelector(".prose")!.Text());
    }

    [Fact]
    public async Task NewPublishedPage_AppearsInTheSitemap()
    {
        _ = await _client.GetStringAsync("/sitemap.xml");
        await CreatePageAsync("sitemap-newcomer", "Hello.");

        Assert.Contains("https://localhost/sitemap-newcomer", await _client.GetStringAsync("/sitemap.xml"));
    }
}
