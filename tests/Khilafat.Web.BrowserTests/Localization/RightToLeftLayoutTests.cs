using Khilafat.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Localization;

/// <summary>Arabic and Urdu laid out as their readers expect: measured in a real browser, since only layout shows it.</summary>
public class RightToLeftLayoutTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private const int PhoneWidth = 375;

    [Theory]
    [InlineData("/ar/faq")]
    [InlineData("/ur/faq")]
    public async Task Faq_AtPhoneWidth_DoesNotScrollSideways_WithAnswersClosedOrOpen(string path)
    {
        await using var context = await site.NewContextAsync(width: PhoneWidth, height: 667);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        foreach (var state in new[] { "closed", "open" })
        {
            if (state == "open") await page.OpenEveryAnswerAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scrollWidth, clientWidth) = (widths[0], widths[1]);
            if (scrollWidth > clientWidth) await page.SaveScreenshotAsync(output, "rtl-overflow" + path.Replace('/', '-') + "-" + state);
            Assert.True(scrollWidth <= clientWidth,
                $"{path} with its answers {state} is {scrollWidth} px wide in {clientWidth} px. Sticking out: {await page.OverflowingElementsAsync(PhoneWidth)}");
        }
    }

    [Theory]
    [InlineData("/ur/faq", 1280)]
    [InlineData("/ar/faq", 1280)]
    [InlineData("/faq", 1280)]
    [InlineData("/ur/faq", PhoneWidth)]
    [InlineData("/ar/faq", PhoneWidth)]
    [InlineData("/faq", PhoneWidth)]
    public async Task LanguageSwitcher_NamesSitOnOneBaseline(string path, int width)
    {
        await using var context = await site.NewContextAsync(width: width, height: 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        foreach (var nav in new[] { "nav.language-switcher", "nav.footer-languages" })
        {
            // An empty inline-block's bottom edge sits on its line's baseline: one at the end of each name marks it.
            var baselines = await page.EvaluateAsync<double[]>("""
                nav => [...document.querySelectorAll(nav + ' a')].map(a => {
                    const mark = document.createElement('span');
                    mark.style.display = 'inline-block';
                    a.append(mark);
                    const baseline = mark.getBoundingClientRect().bottom;
                    mark.remove();
                    return baseline;
                })
                """, nav);
            Assert.Equal(3, baselines.Length);
            Assert.True(baselines.Max() - baselines.Min() <= 1, $"On {path} at {width} px the names in {nav} sit on baselines {string.Join(", ", baselines)}: not one line.");
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(PhoneWidth)]
    public async Task Urdu_CurrentPageMark_SitsBelowTheNastaliqDots(int width)
    {
        await using var context = await site.NewContextAsync(width: width, height: 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/ur/faq");
        // On a phone the links are behind the header's menu.
        if (width == PhoneWidth) await page.Locator("header summary").ClickAsync();

        var mark = await page.EvaluateAsync<CurrentPageMark>("""
            () => {
                const link = document.querySelector('nav.site-nav a[aria-current=page]');
                const style = getComputedStyle(link);
                const text = document.createRange();
                text.selectNodeContents(link);
                return {
                    decoration: style.textDecorationLine,
                    borderWidth: parseFloat(style.borderBottomWidth),
                    borderTop: link.getBoundingClientRect().bottom - parseFloat(style.borderBottomWidth),
                    glyphsBottom: text.getBoundingClientRect().bottom,
                };
            }
            """);

        // An underline is drawn through the descenders, where Nastaliq's dots are; the mark is a border under them instead.
        Assert.Equal("none", mark.Decoration);
        Assert.True(mark.BorderWidth >= 2, $"the current page's mark is {mark.BorderWidth} px thick");
        Assert.True(mark.BorderTop >= mark.GlyphsBottom, $"the mark's top at {mark.BorderTop} is above the bottom of the text at {mark.GlyphsBottom}: it cuts through the dots");
    }

    [Theory]
    [InlineData("/ur/faq", "h1")]
    [InlineData("/ur/faq", ".faq-question")]
    [InlineData("/ur", "nav.site-nav a")]
    public async Task Nastaliq_IsNeverSynthesisedBold(string path, string selector)
    {
        await using var context = await site.NewContextAsync(width: 1280, height: 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var synthesis = await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).fontSynthesisWeight");
        Assert.Equal("none", synthesis);
    }

    private sealed class CurrentPageMark
    {
        public string Decoration { get; set; } = "";
        public double BorderWidth { get; set; }
        public double BorderTop { get; set; }
        public double GlyphsBottom { get; set; }
    }
}
