using Khilafat.Web.Accounts;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Data;
using Khilafat.Web.MailingList;
using Khilafat.Web.Testimonials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Keyboard;

/// <summary>
/// The forms can be completed with the keyboard alone (Tab, Space, arrows, Enter; no mouse), and wherever the focus
/// goes it can be seen.
/// </summary>
public class KeyboardOnlyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    // From the top of a page the skip link, the site's name, the six navigation links, the Act button and the three
    // languages come first: 12 stops, and room to spare.
    private const int TabsThroughHeader = 15;

    [Fact]
    public async Task JoinForm_CanBeCompletedWithTheKeyboardAlone()
    {
        var email = $"keyboard-{Guid.NewGuid():N}@example.org";
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/join");
        var keys = new KeyboardWalk(page);

        await keys.TabToAsync(page.GetByLabel("Email address", new() { Exact = true }), TabsThroughHeader);
        await keys.TypeAsync(email);
        await keys.TabToAsync(page.GetByLabel("Your name (optional)"));
        await keys.TypeAsync("Keyboard Person");
        var country = page.GetByLabel("Country (optional)");
        await keys.TabToAsync(country);
        await keys.TypeAsync("Pakistan");
        await Expect(country).ToHaveValueAsync("PK");
        var consent = page.GetByRole(AriaRole.Checkbox, new() { Name = ConsentWording.Text });
        await keys.TabToAsync(consent);
        await keys.PressAsync("Space");
        await Expect(consent).ToBeCheckedAsync();
        // The privacy notice sits beside the consent it explains.
        await keys.TabToAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "How we use and protect your data" }));
        await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Join the mailing list" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        var subscriber = await site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Subscribers.AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal(("Keyboard Person", "PK", SubscriberStatus.Pending), (subscriber.Name, subscriber.Country, subscriber.Status));
        await page.SaveScreenshotAsync(output, "keyboard-join");
    }

    [Fact]
    public async Task TestimonialForm_CanBeCompletedWithTheKeyboardAlone()
    {
        const string name = "Keyboard Supporter";
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/testimonials/share");
        var keys = new KeyboardWalk(page);

        await keys.TabToAsync(page.GetByLabel("Your name, as it should appear"), TabsThroughHeader);
        await keys.TypeAsync(name);
        await keys.TabToAsync(page.GetByLabel("Your town or country (optional)"));
        await keys.TypeAsync("Quetta");
        // Tab enters the rating group on its first choice; the arrow keys move through the choices, choosing as they go.
        var rating = page.GetByRole(AriaRole.Group, new() { Name = "Your rating" });
        await keys.TabToAsync(rating.GetByRole(AriaRole.Radio, new() { Name = "5 out of 5 stars" }));
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowUp");
        await Expect(rating.GetByRole(AriaRole.Radio, new() { Name = "4 out of 5 stars" })).ToBeCheckedAsync();
        await Expect(rating.GetByRole(AriaRole.Radio, new() { Name = "4 out of 5 stars" })).ToBeFocusedAsync();
        await keys.TabToAsync(page.GetByLabel("What the movement means to you"));
        await keys.TypeAsync("Typed without a mouse: the movement gives me hope and a way to help.");
        await keys.TabToAsync(page.GetByLabel("Your email (optional)"));
        await keys.TabToAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Email me when my words are published" }));
        var consent = page.GetByRole(AriaRole.Checkbox, new() { Name = TestimonialConsent.Text });
        await keys.TabToAsync(consent);
        await keys.PressAsync("Space");
        await Expect(consent).ToBeCheckedAsync();
        await keys.TabToAsync(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "How we use and protect your data" }));
        await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my testimonial" }));
        // A person takes more than the 3 seconds a robot does to fill the form in.
        site.Clock.Advance(TimeSpan.FromSeconds(60));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your words", Level = 1 })).ToBeVisibleAsync();
        var stored = await site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Testimonials.AsNoTracking().SingleAsync(t => t.DisplayName == name));
        Assert.Equal((4, "Quetta", TestimonialStatus.Pending, (string?)null), (stored.Rating, stored.Place, stored.Status, stored.SpamReason));
        await page.SaveScreenshotAsync(output, "keyboard-testimonial");
    }

    [Fact]
    public async Task SignIn_CanBeCompletedWithTheKeyboardAlone()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/account/sign-in");
        var keys = new KeyboardWalk(page);

        await keys.TabToAsync(page.GetByLabel("Email", new() { Exact = true }), TabsThroughHeader);
        await keys.TypeAsync(email);
        await keys.TabToAsync(page.GetByLabel("Password", new() { Exact = true }));
        await keys.TypeAsync(BrowserSite.Password);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForPageAsync(Visitor.AdminHome());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync(output, "keyboard-sign-in");
    }

    [Fact]
    public async Task SkipLink_IsTheFirstStop_AndTakesTheFocusToTheContent()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/statement");
        var keys = new KeyboardWalk(page);

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await keys.TabToAsync(skip);
        await Expect(skip).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        // The next Tab goes on from the content, past the navigation.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement) || document.querySelector('footer').contains(document.activeElement)"),
            "After the skip link, Tab went back into the header.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/testimonials")]
    [InlineData("/testimonials/share")]
    [InlineData("/join")]
    public async Task EveryStopOnAPage_ShowsWhereTheFocusIs(string path)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);
        var keys = new KeyboardWalk(page);

        // Through the whole page to the last link of the footer: each stop is checked on the way.
        var footer = page.GetByRole(AriaRole.Navigation, new() { Name = "Footer" });
        await keys.TabToAsync(footer.GetByRole(AriaRole.Link, new() { Name = "Join", Exact = true }), maxTabs: 60);
    }
}
