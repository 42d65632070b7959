using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>What the tests do with a page besides clicking: screenshots, axe-core, focus and layout checks.</summary>
public static class PageChecks
{
    /// <summary>The WCAG 2.2 A and AA rules of axe-core (2.2 adds its AA rules to 2.0's and 2.1's).</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves the whole page as TestResults/screenshots/{name}.png in the test output folder, and says where.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, ITestOutputHelper output, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot of {page.Url}: {path}");
        return path;
    }

    /// <summary>Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now; fails with every violation, its targets and messages.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var violations = await page.AxeViolationsAsync(WcagTags);
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} WCAG 2.2 A/AA violation(s) on {page.Url}:\n{Describe(violations)}");
    }

    /// <summary>
    /// What axe-core's rules with <paramref name="tags"/> find wrong on the whole page as it is now (page-level rules,
    /// such as bypass, included). axe runs in the page itself, on its root element: Deque's default run, made for
    /// pages with frames, finishes each check in a blank page of a new browser context, with axe injected there again:
    /// a check of the front door's pages took 2.5 s of Chromium's CPU that way, 0.4 s this way, and the browser suite
    /// a third less time. The site has no frames, and both ways find the same (the same rules passed, failed and
    /// inapplicable on /faq and /ar/join with violations planted, 6 December). Deque marks this way obsolete; when it
    /// goes, the default run works here unchanged, only slower.
    /// </summary>
    public static async Task<AxeResultItem[]> AxeViolationsAsync(this IPage page, IEnumerable<string> tags)
    {
#pragma warning disable CS0618 // RunAxeLegacy: see above.
        var result = await page.Locator("html").RunAxeLegacy(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. tags] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        return result.Violations;
    }

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]\n");
            foreach (var node in violation.Nodes)
            {
                text.Append($"    at {node.Target}: {node.Html}\n");
                // axe's failure summary: every check that failed on this element, with its message.
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                    text.Append($"       {check.Id}: {check.Message}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>The page's width as the browser lays it out: more than the viewport means the page scrolls sideways.</summary>
    public static Task<int> ScrollWidthAsync(this IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>
    /// The elements that stick out past <paramref name="width"/>, to say what to fix; those in a box that scrolls or
    /// clips (a wide table in its scroll box) widen nothing, unless they are positioned out of it.
    /// </summary>
    public static Task<string> OverflowingElementsAsync(this IPage page, int width) => page.EvaluateAsync<string>("""
        width => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width)
            .filter(e => {
                if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return true;
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                    if (getComputedStyle(a).overflowX !== 'visible') return false;
                return true;
            })
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)})`)
            .join(', ')
        """, width);

    /// <summary>The focused element as a person would see it: what it is, and whether its focus indicator is drawn.</summary>
    public sealed class FocusState
    {
        public string Description { get; set; } = "";
        public string Outline { get; set; } = "";
        public string BoxShadow { get; set; } = "";
        public bool HasIndicator { get; set; }
    }

    private const string FocusStateScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const s = getComputedStyle(e);
            const name = (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
            const description = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.type ? '[type=' + e.type + ']' : ''} "${name}"`;
            const outlineWidth = parseFloat(s.outlineWidth) || 0;
            const outline = s.outlineStyle !== 'none' && outlineWidth > 0 && s.outlineColor !== 'transparent' && s.outlineColor !== 'rgba(0, 0, 0, 0)';
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            return { description, outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow, hasIndicator: !!(outline || shadow) };
        }
        """;

    public static Task<FocusState?> FocusAsync(this IPage page) => page.EvaluateAsync<FocusState?>(FocusStateScript);
}
