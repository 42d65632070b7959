using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.MailingList;

/// <summary>A visitor joins the list, confirms from the email, and later leaves by the email's unsubscribe link.</summary>
public class JoinJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_Joins_ConfirmsFromTheEmail_ThenUnsubscribesFromIt(bool javaScript)
    {
        var mode = javaScript ? "js" : "nojs";
        var email = $"joiner-{mode}-{Guid.NewGuid():N}@example.org";
        await using var context = await site.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Join" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join the mailing list", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Your name (optional)").FillAsync("Bilal");
        await page.GetByLabel("Country (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Pakistan" });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = ConsentWording.Text }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the mailing list" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(SubscriberStatus.Pending, (await FindAsync(email)).Status);

        var message = await site.Mailbox.WaitForMessageToAsync(email);
        var links = EmailLinks.From(message);
        Assert.StartsWith(site.BaseAddress + "join/confirm?token=", links.Confirm);
        Assert.StartsWith(site.BaseAddress + "unsubscribe?token=", links.Unsubscribe);

        await page.OpenAsync(links.Confirm);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your subscription", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(SubscriberStatus.Pending, (await FindAsync(email)).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my subscription" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for joining", Level = 1 })).ToBeVisibleAsync();
        var confirmed = await FindAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, confirmed.Status);
        Assert.Equal(("Bilal", "PK"), (confirmed.Name, confirmed.Country));

        await page.OpenAsync(links.Unsubscribe);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unsubscribe", Level = 1 })).ToBeVisibleAsync();
        var local = email[..email.IndexOf('@')];
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{local[0]}•••{local[^1]}@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(SubscriberStatus.Unsubscribed, (await FindAsync(email)).Status);
        await page.SaveScreenshotAsync(output, $"join-unsubscribed-{mode}");
    }

    private Task<Subscriber> FindAsync(string email) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking().SingleAsync(s => s.Email == email));
}
