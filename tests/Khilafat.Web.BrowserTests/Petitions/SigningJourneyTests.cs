using System.Text.RegularExpressions;
using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Petitions;

/// <summary>A signer on a phone (375 px) reads a petition, signs it, confirms from the email and sees the count: with script and without (axe checks each step with script on).</summary>
public class SigningJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Signer_SignsOnAPhone_ConfirmsFromTheEmail_AndIsCounted(bool javaScript)
    {
        var mode = javaScript ? "js" : "nojs";
        var slug = await CreateOpenPetitionAsync($"Let the aid through {mode} {Guid.NewGuid():N}"[..40].TrimEnd());
        var email = $"signer-{mode}-{Guid.NewGuid():N}@example.org";
        await using var context = await site.NewContextAsync(javaScript, width: 375, height: 800);
        var page = await context.NewPageAsync();
        // axe runs as script in the page, so it checks the journey with script on; without, the journey itself is the test.
        Task Axe() => javaScript ? page.AssertNoAxeViolationsAsync() : Task.CompletedTask;

        await page.OpenAsync($"/petitions/{slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "0 signatures" })).ToBeVisibleAsync();
        await Axe();
        Assert.True(await page.ScrollWidthAsync() <= 375, await page.OverflowingElementsAsync(375));
        if (javaScript)
        {
            // Script brings the form into the page itself.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign the petition" })).ToBeVisibleAsync();
        }
        else
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign this petition" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sign:");
        }
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("Amina Khan");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pakistan" });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Show my name on this petition (first name, initial and country only)" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = PetitionConsentWording.Text }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Also join the mailing list") })).Not.ToBeCheckedAsync();
        await Axe();
        await page.SaveScreenshotAsync(output, $"petition-form-{mode}");
        // The time a person takes to fill it in, on the site's clock (the form's time trap).
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the petition" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await Axe();
        Assert.Equal(SignatureStatus.Pending, (await FindAsync(email)).Status);

        var message = await site.Mailbox.WaitForMessageToAsync(email);
        var confirm = Regex.Match(message.TextBody ?? "", @"https?://\S+/petitions/confirm\?token=\S+").Value;
        await page.OpenAsync(confirm);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your signature", Level = 1 })).ToBeVisibleAsync();
        await Axe();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my signature" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for signing", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(SignatureStatus.Confirmed, (await FindAsync(email)).Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the petition" }).ClickAsync();
        // The page is cached a few seconds at most: the signature shows within 10.
        var count = page.Locator(".petition-count");
        for (var watch = System.Diagnostics.Stopwatch.StartNew(); await count.TextContentAsync() != "1 signature" && watch.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 signature" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Latest signers" })).ToContainTextAsync("Amina K., Pakistan");
        await Axe();
        await page.SaveScreenshotAsync(output, $"petition-signed-{mode}");

        // The form's own page, where the link leads without script, passes axe too.
        await page.OpenAsync($"/petitions/{slug}/sign");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign the petition" })).ToBeVisibleAsync();
        await Axe();
    }

    // Closing cannot be undone, so it is asked: by the dialog with script, by the page without (the integration tests).
    // The dialog answered yes closes it at once, without the page asking again; answered no, nothing happens.
    [Fact]
    public async Task AnEditor_ClosesAPetition_AnsweringTheDialogOnce()
    {
        var title = $"Close me {Guid.NewGuid():N}"[..30];
        var slug = await CreateOpenPetitionAsync(title);
        var id = await site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var editor = await site.CreateUserAsync(Khilafat.Web.Accounts.Roles.Editor);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(editor);
        await page.OpenAsync($"/admin/petitions/edit/{id}");
        var close = page.GetByRole(AriaRole.Button, new() { Name = "Close the petition" });

        var asked = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (answer) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        await close.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Single(asked);
        Assert.Equal(0, await page.Locator("#close-question").CountAsync());
        Assert.Equal(PetitionState.Open, await StateAsync(slug));

        answer = true;
        await close.ClickAsync();
        await Expect(page.Locator(".status")).ToContainTextAsync("The petition is closed");
        Assert.Equal(PetitionState.Closed, await StateAsync(slug));
        Assert.Equal(2, asked.Count);
        Assert.All(asked, message => Assert.StartsWith("Close the petition?", message));
        await page.AssertNoAxeViolationsAsync();

        // Closed, it is listed with its final count on /petitions, which passes axe in Arabic, right to left.
        await page.OpenAsync("/ar/petitions");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "العرائض المغلقة" }).GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    private Task<PetitionState> StateAsync(string slug) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Petitions.Where(p => p.Slug == slug).Select(p => p.State).SingleAsync());

    private Task<string> CreateOpenPetitionAsync(string title) => site.WithScopeAsync(async sp =>
    {
        var editor = sp.GetRequiredService<PetitionEditor>();
        var saved = Assert.IsType<TextSaveResult.Saved>(await editor.CreateAsync(new TextInput(title, "Let the aid through.", "We ask you to open the crossings."),
            new PetitionSettings("The Foreign Secretary", 10, null), publish: true, Actor.System));
        Assert.Equal(PetitionStateChange.Done, await editor.OpenAsync(saved.ItemId, Actor.System));
        return (await editor.GetAsync(saved.ItemId))!.Slug;
    });

    private Task<PetitionSignature> FindAsync(string email) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().PetitionSignatures.AsNoTracking().SingleAsync(s => s.Email == email));
}
