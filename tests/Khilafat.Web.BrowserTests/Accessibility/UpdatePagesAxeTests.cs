using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Accessibility;

/// <summary>The updates' public pages (with one translated and one shown in English) and their admin pages pass axe-core's WCAG 2.2 A and AA rules.</summary>
public class UpdatePagesAxeTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    private const string Translated = "Winter relief convoy";
    private const string Untranslated = "Vigil for peace";

    /// <summary>Two published updates, the first translated into Arabic, and a scheduled draft; once per site.</summary>
    private async Task<int> EnsureUpdatesAsync() => await site.WithScopeAsync(async sp =>
    {
        var updates = sp.GetRequiredService<UpdateEditor>();
        if ((await updates.ListAsync()).FirstOrDefault(u => u.Title == Translated) is { } existing) return existing.Id;
        var actor = new Actor(null, "axe test");
        var convoy = (TextSaveResult.Saved)await updates.CreateAsync(new TextInput(Translated, "Blankets for the north.", "The convoy leaves on **Friday**."), new UpdateSettings(true, null), true, actor);
        await sp.GetRequiredService<TextEditor>().SaveAsync(UpdateEditor.Item(convoy.ItemId, ""), "ar", 0, new TextInput("قافلة الإغاثة الشتوية", "بطانيات للشمال.", "تنطلق القافلة يوم **الجمعة**."), TextChange.Publish, actor);
        await updates.CreateAsync(new TextInput(Untranslated, "", "We gather quietly."), new UpdateSettings(true, null), true, actor);
        await updates.CreateAsync(new TextInput("Next week", "", "Soon."), new UpdateSettings(false, site.Clock.GetUtcNow().UtcDateTime.AddDays(2)), false, actor);
        return convoy.ItemId;
    });

    [Theory]
    [InlineData("/updates")]
    [InlineData("/ar/updates")]
    [InlineData("/updates/winter-relief-convoy")]
    [InlineData("/ar/updates/winter-relief-convoy")]
    [InlineData("/ur/updates/vigil-for-peace")]
    public async Task UpdatePage_PassesWcag22AA(string path)
    {
        await EnsureUpdatesAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
    }

    [Theory]
    [InlineData("/admin/updates", "Updates")]
    [InlineData("/admin/updates/create", "New update")]
    [InlineData("/admin/updates/edit/{id}", "Edit update")]
    [InlineData("/admin/updates/translate/{id}/ur", "Translate into اردو: Winter relief convoy")]
    public async Task AdminUpdatePage_PassesWcag22AA(string path, string heading)
    {
        var id = await EnsureUpdatesAsync();
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();
        await page.OpenAsync(path.Replace("{id}", id.ToString()));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, path.Trim('/').Replace('/', '-').Replace("{id}", "x"));
    }
}
