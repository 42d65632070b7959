using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Public;

/// <summary>
/// What a page costs a reader on a slow connection: every response it needs (the document, its stylesheet, fonts and
/// scripts; images aside), counted as transferred, headers included, with the Accept-Encoding a browser sends. And
/// nothing fetched from any host but the site's.
/// </summary>
public class PageWeightTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    /// <summary>
    /// English draws in system faces: the document and the stylesheet, about 13 KB. Urdu carries its Nastaliq subset
    /// (145 KB). Arabic carries its Naskh subset in two weights (57 and 59 KB), about 130 KB in all: 140 KB leaves room
    /// for a longer translation, not for a third face or the Nastaliq.
    /// </summary>
    [Theory]
    [InlineData("/statement", 30)]
    [InlineData("/ur/statement", 170)]
    [InlineData("/ar/statement", 140)]
    public async Task Statement_StaysUnderItsBudget_AndFetchesNothingFromAnotherHost(string path, int budgetKilobytes)
    {
        var (responses, hosts) = await LoadAsync(path);

        foreach (var r in responses) output.WriteLine($"{r.Bytes,8} B  {r.Type,-10} {r.Url}");
        var total = responses.Where(r => r.Type != "image").Sum(r => r.Bytes);
        output.WriteLine($"{total} B in all, images aside");
        Assert.True(total <= budgetKilobytes * 1024, $"{path} transfers {total} bytes (images aside), over its budget of {budgetKilobytes} KB:\n" +
            string.Join("\n", responses.Select(r => $"{r.Bytes} {r.Url}")));
        Assert.Equal([site.BaseAddress.Authority], hosts);
    }

    [Theory]
    [InlineData("/statement", new string[0])]
    [InlineData("/", new string[0])]
    [InlineData("/ur/statement", new[] { "Naskh" })]
    [InlineData("/ar/statement", new[] { "Nastaliq" })]
    public async Task Page_FetchesNoFontOfAnotherLanguage_ForTheSwitchersLabels(string path, string[] refused)
    {
        var (responses, _) = await LoadAsync(path);

        var fonts = responses.Where(r => r.Type == "font").Select(r => r.Url).ToList();
        if (path is "/statement" or "/") Assert.Empty(fonts);
        foreach (var face in refused) Assert.DoesNotContain(fonts, url => url.Contains(face, StringComparison.OrdinalIgnoreCase));
    }

    private sealed record Transfer(string Url, string Type, long Bytes);

    private async Task<(List<Transfer> Responses, string[] Hosts)> LoadAsync(string path)
    {
        await using var context = await site.NewContextAsync();
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Encoding"] = "br, gzip" });
        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => { lock (requests) requests.Add(request); };

        await page.OpenAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        List<IRequest> made;
        lock (requests) made = [.. requests];
        var responses = new List<Transfer>();
        foreach (var request in made.Where(r => !r.Url.StartsWith("data:", StringComparison.Ordinal)))
        {
            var sizes = await request.SizesAsync();
            responses.Add(new Transfer(request.Url, request.ResourceType, sizes.ResponseBodySize + sizes.ResponseHeadersSize));
        }
        var hosts = made.Where(r => !r.Url.StartsWith("data:", StringComparison.Ordinal)).Select(r => new Uri(r.Url).Authority).Distinct().ToArray();
        return (responses, hosts);
    }
}
