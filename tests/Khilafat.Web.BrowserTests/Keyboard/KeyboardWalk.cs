using Khilafat.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Khilafat.Web.BrowserTests.Keyboard;

/// <summary>
/// Moving through a page with the keyboard only. Every stop is checked for a visible focus indicator (an outline, or a
/// box-shadow) and remembered, so a failure can say where the focus went.
/// </summary>
internal sealed class KeyboardWalk(IPage page)
{
    private readonly List<string> _stops = [];

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, at most <paramref name="maxTabs"/> times.</summary>
    public async Task TabToAsync(ILocator target, int maxTabs = 1)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync();
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"{maxTabs} press(es) of Tab did not reach {target}. Focus went: {Path}");
    }

    /// <summary>Presses <paramref name="key"/> (an arrow, Space, Enter) and checks the focus is still drawn.</summary>
    public async Task PressAsync(string key)
    {
        await page.Keyboard.PressAsync(key);
        await AssertFocusVisibleAsync();
    }

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    private async Task AssertFocusVisibleAsync()
    {
        var focus = await page.FocusAsync();
        Assert.True(focus is not null, $"The focus left the page's controls. Focus went: {Path}");
        _stops.Add(focus!.Description);
        Assert.True(focus.HasIndicator,
            $"Focus on {focus.Description} is not visible: outline {focus.Outline}, box-shadow {focus.BoxShadow}. Focus went: {Path}");
    }

    private string Path => string.Join(" → ", _stops);
}
