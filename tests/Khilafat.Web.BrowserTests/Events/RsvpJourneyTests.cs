using System.Text.RegularExpressions;
using Khilafat.Web.Audit;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Events;

/// <summary>
/// On a phone 375 px wide, a visitor finds an event, answers it, confirms from the email and later changes how many
/// come; every page axe clean, nothing scrolling sideways, and no error in the browser's console.
/// </summary>
public class RsvpJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Visitor_FindsAnEvent_Answers_AndConfirmsFromTheEmail_At375Px()
    {
        var title = "Vigil for Gaza " + Guid.NewGuid().ToString("N")[..6];
        var start = site.Clock.GetUtcNow().UtcDateTime.Date.AddDays(5).AddHours(13);
        var created = await site.WithScopeAsync(sp => sp.GetRequiredService<EventEditor>().CreateAsync(
            new TextInput(title, "We gather in silence.", "Bring a candle. We stand together for an hour."),
            new EventFields(start, start.AddHours(2), "Asia/Karachi", "Frere Hall, Karachi", null, 40, 3), publish: true, Actor.System));
        var id = Assert.IsType<TextSaveResult.Saved>(created).ItemId;
        var email = $"guest-{Guid.NewGuid():N}@example.org";

        await using var context = await site.NewContextAsync(width: 375, height: 800);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") refused.Add(message.Text); };
        await page.OpenAsync("/events");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("18:00");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Asia/Karachi");
        await CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "I am coming" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I am coming", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync("Maryam");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("How many people, with you").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = RsvpConsent.Text }).CheckAsync();
        // A person takes a few seconds over a form; the site's clock stands still until told.
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);

        var message = await site.Mailbox.WaitForMessageToAsync(email);
        var link = Regex.Match(message.TextBody ?? "", @"https?://\S+/events/rsvp/confirm\?token=\S+").Value;
        Assert.NotEmpty(link);
        await page.OpenAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your answer", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm that I am coming" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are coming", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);
        var rsvp = await site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().Rsvps.AsNoTracking().SingleAsync(r => r.EventId == id));
        Assert.Equal((RsvpStatus.Confirmed, 2), (rsvp.Status, rsvp.PartySize));

        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("38 of 40");
        await page.SaveScreenshotAsync(output, "event-rsvp-375");

        // Coming alone after all: from the details email's own link, the number changes and a place is freed.
        var details = await site.Mailbox.WaitForMessageToAsync(email, containing: "/events/rsvp/cancel?token=");
        var own = Regex.Match(details.TextBody ?? "", @"https?://\S+/events/rsvp/cancel\?token=\S+").Value;
        await page.OpenAsync(own);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change or cancel your answer", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel("How many people, with you").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the number of people" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: your answer now holds 1 place.");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("39 of 40");
        // The page's data for search engines is not a script the browser runs: the policy refuses nothing on it.
        Assert.Empty(refused);
    }

    private static async Task CheckAsync(IPage page)
    {
        await page.AssertNoAxeViolationsAsync();
        Assert.True(await page.ScrollWidthAsync() <= 375, await page.OverflowingElementsAsync(375));
    }
}
