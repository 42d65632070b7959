using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Admin;

/// <summary>
/// The editor emails an update to the list in the browser: with script, each step of the send page and the progress
/// page pass axe-core; without script, the whole way from counting to cancelling still works.
/// </summary>
public class SendingJourneyTests(AdminSite site, ITestOutputHelper output) : IClassFixture<AdminSite>
{
    [Fact]
    public async Task TheEditor_WritesAnUpdate_PreviewsIt_SendsATest_SendsIt_AndWatchesItGo_EachStepPassingAxe()
    {
        await using var context = await site.NewContextAsync(storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();

        // Write and publish it.
        await page.OpenAsync("/admin/updates");
        await page.GetByRole(AriaRole.Link, new() { Name = "New update" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New update", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Title").FillAsync("Relief reaches the north");
        await page.GetByLabel("Body (Markdown)").FillAsync("The convoy **arrived** in the north this morning.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Email to the list" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Email to the list" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email to the list", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();

        // A wrong choice is said beside the field.
        await page.GetByLabel("Those who signed up in some languages").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirm" }).ClickAsync();
        await Expect(page.Locator(".field-error").First).ToHaveTextAsync("Tick at least one language, or choose all confirmed subscribers.");
        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "admin-send-error");

        // The count, then a test to the editor's own address, as the list will get it.
        await page.GetByLabel("All confirmed subscribers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Count recipients" }).ClickAsync();
        await Expect(page.Locator(".send-count")).ToHaveTextAsync("1 subscriber would get it: 1 in English.");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the test" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A test in English is on its way to " + site.AdminEmail);
        var test = await site.Mailbox.WaitForMessageToAsync(site.AdminEmail);
        Assert.Equal("[Test] Relief reaches the north", test.Subject);
        Assert.Contains("<strong>arrived</strong>", test.HtmlBody);

        // The HTML preview, on its own page under its own policy.
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "The HTML message in English (opens in a new tab)" }).ClickAsync());
        await Expect(popup.GetByText("The convoy arrived in the north this morning.")).ToBeVisibleAsync();
        await popup.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm the send" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "admin-send-confirm");

        // Send, and watch it go: the page refreshes itself while sending; the test reloads it rather than wait 10 s.
        // (The other test of the class holds the list's mail an hour on the site's still clock: let it go again.)
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            return await db.SendThrottles.Where(t => t.Id == 1).ExecuteUpdateAsync(set => set.SetProperty(t => t.NextSlotAt, site.Clock.GetUtcNow().UtcDateTime));
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 1 subscriber" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send: Relief reaches the north", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
        var sent = await site.Mailbox.WaitForMessageToAsync("confirmed@example.org");
        Assert.Equal("Relief reaches the north", sent.Subject);
        // The test loads the page with ?refresh=off (as its "Stop updating" link does) rather than wait 10 s: once
        // that page is loaded nothing else navigates it, so only the first load can meet the Refresh header's own.
        var still = page.Url.Split('?')[0] + "?refresh=off";
        for (var load = 0; load < 50 && !await page.Locator("main .tag").Filter(new() { HasText = "Finished" }).IsVisibleAsync(); load++)
        {
            await Task.Delay(100);
            try
            {
                await page.GotoAsync(still);
            }
            // The Refresh header navigated at the same moment: Chromium says so as an aborted load, or as "Not
            // attached to an active page" when its navigation replaced the page under ours. The next round loads again.
            catch (PlaywrightException e) when (e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal)
                || e.Message.Contains("Not attached to an active page", StringComparison.Ordinal))
            {
            }
        }
        await Expect(page.Locator("main .tag")).ToHaveTextAsync("Finished");
        await Expect(page.Locator("dt:text-is('Sent') + dd")).ToHaveTextAsync("1");
        await page.AssertNoAxeViolationsAsync();
        await page.SaveScreenshotAsync(output, "admin-send-progress");

        await page.OpenAsync("/admin/sends");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Relief reaches the north" })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task WithoutScript_TheEditorCountsConfirmsSendsPausesAndCancels()
    {
        var id = await CreateUpdateAsync("Vigil without script");
        await using var context = await site.NewContextAsync(javaScript: false, width: 375, storageState: await site.AdminStateAsync());
        var page = await context.NewPageAsync();

        await page.OpenAsync($"/admin/updates/{id}/send");
        await page.GetByRole(AriaRole.Button, new() { Name = "Count recipients" }).ClickAsync();
        await Expect(page.Locator(".send-count")).ToHaveTextAsync("1 subscriber would get it: 1 in English.");
        await page.SaveScreenshotAsync(output, "admin-send-375");
        Assert.True(await page.ScrollWidthAsync() <= 375, "The send page scrolls sideways at 375 px: " + await page.OverflowingElementsAsync(375));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to confirm" }).ClickAsync();
        // Hold the list's mail, so the send is still going when the editor pauses it.
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            var slot = await db.SendThrottles.FindAsync(1);
            if (slot is null) db.SendThrottles.Add(slot = new SendThrottle { Id = 1 });
            slot.NextSlotAt = site.Clock.GetUtcNow().UtcDateTime.AddHours(1);
            return await db.SaveChangesAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 1 subscriber" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Send: Vigil without script", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Paused: no more messages go until you resume.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel the send…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cancelled: the messages not sent yet never will be.");
        await Expect(page.Locator("main .tag")).ToHaveTextAsync("Cancelled");
        await page.SaveScreenshotAsync(output, "admin-send-cancelled-375");
    }

    /// <summary>An update with its English published, made in the database (its editor is not the subject here).</summary>
    private Task<int> CreateUpdateAsync(string title) => site.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SiteDbContext>();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var update = new Update { Slug = "update-" + Guid.NewGuid().ToString("N")[..8], CreatedAt = now, UpdatedAt = now };
        db.Updates.Add(update);
        await db.SaveChangesAsync();
        db.Texts.Add(new VersionedText
        {
            Kind = TextKinds.Update, ItemId = update.Id, Culture = "en", Title = title, Body = "The convoy **arrived**.",
            IsPublished = true, PublishedTitle = title, PublishedBody = "The convoy **arrived**.", PublishedSummary = "", PublishedAt = now, UpdatedAt = now, Version = 1,
        });
        await db.SaveChangesAsync();
        return update.Id;
    });
}
