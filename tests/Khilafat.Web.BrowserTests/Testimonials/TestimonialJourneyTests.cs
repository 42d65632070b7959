using Khilafat.Web.Accounts;
using Khilafat.Web.BrowserTests.Infrastructure;
using Khilafat.Web.Testimonials;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Khilafat.Web.BrowserTests.Testimonials;

/// <summary>A visitor shares a testimonial, an editor approves it, and it appears on /testimonials.</summary>
public class TestimonialJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_SharesATestimonial_EditorApprovesIt_AndTheVisitorSeesIt(bool javaScript)
    {
        var mode = javaScript ? "js" : "nojs";
        var name = $"Fatima {mode.ToUpperInvariant()} Rahman";
        var words = $"The movement showed me ({mode}) that patience and compassion are a kind of courage.";

        await using var visitorContext = await site.NewContextAsync(javaScript);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenAsync("/testimonials");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Share yours" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Share what the movement means to you", Level = 1 })).ToBeVisibleAsync();

        await visitor.GetByLabel("Your name, as it should appear").FillAsync(name);
        await visitor.GetByLabel("Your town or country (optional)").FillAsync("Multan");
        await visitor.GetByRole(AriaRole.Group, new() { Name = "Your rating" }).GetByRole(AriaRole.Radio, new() { Name = "4 out of 5 stars" }).CheckAsync();
        await visitor.GetByLabel("What the movement means to you").FillAsync(words);
        await visitor.GetByRole(AriaRole.Checkbox, new() { Name = TestimonialConsent.Text }).CheckAsync();
        // A form sent within 3 seconds of being served counts as a robot's: a person takes longer, so the site's clock moves on.
        site.Clock.Advance(TimeSpan.FromSeconds(45));
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my testimonial" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your words", Level = 1 })).ToBeVisibleAsync();

        await using var editorContext = await site.NewContextAsync(javaScript);
        var editor = await editorContext.NewPageAsync();
        await editor.SignInAsync(await site.CreateUserAsync(Roles.Editor));
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Testimonials" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Testimonials", Level = 1 })).ToBeVisibleAsync();
        var row = editor.GetByRole(AriaRole.Row).Filter(new() { HasText = words });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Row).Filter(new() { HasText = words })).ToHaveCountAsync(0);

        await visitor.GetByRole(AriaRole.Link, new() { Name = "Read what other supporters say" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "What supporters say", Level = 1 })).ToBeVisibleAsync();
        var shown = visitor.GetByRole(AriaRole.Figure).Filter(new() { HasText = words });
        await Expect(shown).ToBeVisibleAsync();
        await Expect(shown).ToContainTextAsync(name);
        await Expect(shown).ToContainTextAsync("Multan");
        // The rating helps editors moderate; the public page shows it only when editors turn that on (off by default).
        await Expect(shown.GetByRole(AriaRole.Img, new() { Name = "4 out of 5 stars" })).ToHaveCountAsync(0);
        await visitor.SaveScreenshotAsync(output, $"testimonial-published-{mode}");
    }
}
