using Khilafat.Web.Tests.Durability;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.MailingList;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Khilafat.Web.Tests.Security;

/// <summary>Links in emails come from Site:PublicUrl, never from the request's Host header, and the site will not start without it.</summary>
public class PublicUrlTests(PublicUrlTests.Factory factory) : IClassFixture<PublicUrlTests.Factory>
{
    public sealed class Factory : MailSiteFactory
    {
        protected override string? PublicUrl => "https://khilafat.example";

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Site:ContactEmail", "contact@khilafat.example")];
    }

    [Fact]
    public async Task ASignUpSentWithAForgedHost_GetsLinksToThePublicUrl()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example") });
        var email = Visitor.NewAddress("host");

        await client.SignUpAndSeeThanksAsync(email);

        var message = (await factory.WaitForEmailsToAsync(email)).Single();
        Assert.StartsWith("https://khilafat.example/join/confirm?token=", message.ConfirmLink());
        Assert.StartsWith("https://khilafat.example/unsubscribe?token=", message.UnsubscribeLink());
        Assert.DoesNotContain("evil.example", message.TextBody);
        Assert.DoesNotContain("evil.example", message.HtmlBody);
        // With no Email:From, the sender is at the site's own domain, as receivers' SPF and DMARC checks need.
        Assert.Equal(("Khilafat Movement", "no-reply@khilafat.example"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        // Its Message-ID is at that domain too, and carries no running number a reader could count the site's mail by.
        Assert.Matches("^[0-9a-f]{32}@khilafat.example$", message.MessageId);
        // A reader who answers reaches the movement's contact address, not the no-reply box.
        Assert.Equal("contact@khilafat.example", message.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task APageRequestedWithAForgedHost_HasItsCanonicalLinkOnThePublicUrl()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example") });

        var page = await client.GetDocumentAsync("/statement");

        Assert.Equal("https://khilafat.example/statement", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task InDevelopmentWithoutAPublicUrl_ASignUpSentWithAForgedHost_GetsLinksToTheServersOwnAddress()
    {
        await using var development = new DevelopmentFactory();
        var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example") });
        var email = Visitor.NewAddress("host");

        await client.SignUpAndSeeThanksAsync(email);

        var folder = Path.Combine(development.DataDirectory, "mail");
        var file = await Poll.UntilAsync(() => Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").FirstOrDefault() : null),
            found => found is not null, "the confirmation email in the pickup folder");
        var message = await MimeKit.MimeMessage.LoadAsync(file!);
        Assert.Contains("http://localhost/join/confirm?token=", message.TextBody);
        Assert.DoesNotContain("evil.example", message.TextBody);
        Assert.DoesNotContain("evil.example", message.HtmlBody);
    }

    /// <summary>Development, where Site:PublicUrl may be left out; its mail goes to a pickup folder of its own, not the project's.</summary>
    private sealed class DevelopmentFactory : SiteFactory
    {
        protected override string? PublicUrl => null;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Email:PickupDirectory", Path.Combine(DataDirectory, "mail"))];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    [Theory]
    [Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
    [InlineData("", "Site:PublicUrl (Site__PublicUrl) must be set")]
    [InlineData("khilafat.example.org", "Site:PublicUrl (Site__PublicUrl) must be an http or https address")]
    [InlineData("ftp://khilafat.example.org", "Site:PublicUrl (Site__PublicUrl) must be an http or https address")]
    public async Task InProduction_AMissingOrMalformedPublicUrl_StopsStartUp_NamingTheSetting(string value, string message)
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        settings["Site__PublicUrl"] = value;
        await using var app = AppProcess.Launch(settings);

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the site kept running:\n" + app.Output);
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(message, app.Output);
        Assert.DoesNotContain("   at ", app.Output);
    }
}
