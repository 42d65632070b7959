using System.Net;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Forms;

/// <summary>
/// The public forms' limits as a visitor meets them: counted only for submissions that passed validation, high per
/// network address (many people share one), low per email address, and a refusal keeps what was typed.
/// </summary>
public class FormRateLimitTests(FormRateLimitTests.Factory factory) : IClassFixture<FormRateLimitTests.Factory>
{
    public const int PerEmail = 3;

    public const int Links = 3;

    /// <summary>The shipped per-IP limit for sign-ups (60 in the window), and a low per-email count.</summary>
    public sealed class Factory : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("RateLimits:SignUps", new Options.RateLimitOptions().SignUps.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("RateLimits:PerEmail", PerEmail.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("RateLimits:Links", Links.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void TheShippedPerNetworkLimits_AreHighEnoughForAVigilOnSharedWiFi()
    {
        var shipped = new Options.RateLimitOptions();
        Assert.Equal(60, shipped.SignUps);
        Assert.Equal(TimeSpan.FromMinutes(10), shipped.Window);
        Assert.Equal(5, shipped.PerEmail);
        Assert.Equal(TimeSpan.FromHours(1), shipped.PerEmailWindow);
    }

    private HttpClient From(string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(SiteFactory.ClientAddressHeader, address);
        return client;
    }

    /// <summary>Signs <paramref name="email"/> up as many times as its limit allows, each one taken.</summary>
    private static async Task SignUpUpToTheLimitAsync(HttpClient client, string email)
    {
        for (var i = 0; i < PerEmail; i++)
        {
            using var ok = await client.SignUpAsync(email);
            Assert.Equal("/join/thanks", ok.RequestMessage!.RequestUri!.AbsolutePath);
        }
    }

    private static string NewAddress(string name) => $"{name}.{Guid.NewGuid().ToString("N")[..10]}@example.org";

    [Fact]
    public async Task OneClickUnsubscribes_FromOneMailProvidersAddress_AreNeverRefused_WhileTheLinksPagesKeepTheirLimit()
    {
        // A mail provider's server posting many readers' RFC 8058 unsubscribes after a send, all from one address.
        var provider = From("198.51.100.25");
        for (var i = 0; i < Links + 3; i++)
        {
            using var oneClick = await provider.PostAsync($"{Khilafat.Web.MailingList.OneClickUnsubscribe.Path}?token=spent{i}",
                new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.Equal(HttpStatusCode.NotFound, oneClick.StatusCode);
        }

        // The page a person opens from the link is still limited per network (counted before its form is checked).
        var reader = From("198.51.100.26");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Links; i++)
        {
            using var posted = await reader.PostAsync($"/unsubscribe?token=spent{i}", new FormUrlEncodedContent([new("Token", $"spent{i}")]));
            statuses.Add(posted.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, Links), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The61stSignUpFromOneNetwork_Is429_WithTheFormAndEverythingTypedInIt()
    {
        var vigil = From("198.51.100.61");
        for (var i = 0; i < 60; i++)
        {
            using var ok = await vigil.SignUpAsync(NewAddress("vigil"), "Vigil Person");
            Assert.True(ok.RequestMessage!.RequestUri!.AbsolutePath == "/join/thanks", $"Sign-up {i + 1} of 60 was refused ({(int)ok.StatusCode}).");
        }
        var email = NewAddress("sixty-first");

        using var refused = await vigil.SignUpAsync(email, "Maryam Siddiqui", "PK");
        var page = await refused.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "No Retry-After header.");
        Assert.Equal("Too many submissions from your network just now. Please wait a minute and send again.", page.QuerySelector(".error-summary li")!.Text());
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal("Maryam Siddiqui", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("PK", page.QuerySelector("select[name='Input.Country'] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Consent'][checked]"));
        Assert.StartsWith("Error: ", page.Title);
        Assert.Null(await factory.SubscriberAsync(email));
    }

    [Fact]
    public async Task InvalidSubmissions_NeverCount()
    {
        var client = From("198.51.100.62");
        var email = NewAddress("careless");
        for (var i = 0; i < 80; i++)
        {
            // No consent: the form comes back with the mistake, never with a 429.
            using var invalid = await client.SignUpAsync(email, consent: false);
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Equal("/join", invalid.RequestMessage!.RequestUri!.AbsolutePath);
        }

        using var valid = await client.SignUpAsync(email);
        Assert.Equal("/join/thanks", valid.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task OneEmailAtItsLimit_DoesNotHoldBackAnotherEmail_FromTheSameNetwork()
    {
        var client = From("198.51.100.63");
        var flooded = NewAddress("flood");
        await SignUpUpToTheLimitAsync(client, flooded);

        using var refused = await client.SignUpAsync(flooded, "Flood Person");
        var page = await refused.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many submissions with this email address just now. Please send again later.", page.QuerySelector(".error-summary li")!.Text());
        Assert.Equal(flooded, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));

        // The same address from another network is still one person flooding, and so is the same inbox spelled
        // another way (capitals, a "+" sub-address)...
        using var elsewhere = await From("203.0.113.63").SignUpAsync(flooded);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        using var capitals = await client.SignUpAsync(char.ToUpperInvariant(flooded[0]) + flooded[1..].Replace("@", "+again@"));
        Assert.Equal(HttpStatusCode.TooManyRequests, capitals.StatusCode);
        // ...while a neighbour on the same network goes through.
        using var neighbour = await client.SignUpAsync(NewAddress("neighbour"));
        Assert.Equal("/join/thanks", neighbour.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnEmailAtItsLimit_IsTakenAgain_WhenTheWaitItWasToldHasPassed()
    {
        var client = From("198.51.100.64");
        var address = NewAddress("hourly");
        await SignUpUpToTheLimitAsync(client, address);

        using var refused = await client.SignUpAsync(address);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // An hour's window in tenths: the submissions' tenth leaves it within the hour, by the site's clock.
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromMinutes(54), TimeSpan.FromHours(1));

        factory.Clock.Advance(wait - TimeSpan.FromSeconds(5));
        using var early = await client.SignUpAsync(address);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await client.SignUpAsync(address);
        Assert.Equal("/join/thanks", again.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
