using Khilafat.Web.Accounts;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.MailingList;

namespace Khilafat.Web.Tests.Admin;

/// <summary>
/// Failed sign-ins are limited per network address before any account is locked, so a stranger on one address cannot
/// lock the owner out; and a locked account answers as an unknown email does.
/// </summary>
public class SignInThrottleTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    private static int _lastAddress;

    /// <summary>A client on an address no other test uses.</summary>
    private HttpClient ClientOnNewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(MailSiteFactory.ClientAddressHeader, $"198.51.{n / 250}.{n % 250 + 1}");
        return client;
    }

    private static async Task<string> FailAsync(HttpClient client, string email, int times)
    {
        var summary = "";
        for (var i = 0; i < times; i++)
        {
            using var wrong = await client.SubmitSignInAsync(email, $"a wrong password {i}");
            summary = (await wrong.ReadDocumentAsync()).ErrorSummary();
        }
        return summary;
    }

    [Fact]
    public async Task FiveFailuresFromOneAddress_RefuseItsFurtherTries_WhateverTheEmail_WhileTheOwnerSignsInFromTheirs()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var stranger = ClientOnNewAddress();

        Assert.Contains(SignInMessages.Failed, await FailAsync(stranger, email, 5));

        using var rightPassword = await stranger.SubmitSignInAsync(email);
        Assert.Contains(SignInMessages.TooManyFromAddress, (await rightPassword.ReadDocumentAsync()).ErrorSummary());
        Assert.StartsWith("/account/sign-in", AdminSite.LandedOn(await stranger.GetAsync("/admin")));
        using var unknown = await stranger.SubmitSignInAsync($"nobody-{Guid.NewGuid():N}@example.org");
        Assert.Contains(SignInMessages.TooManyFromAddress, (await unknown.ReadDocumentAsync()).ErrorSummary());

        await ClientOnNewAddress().SignInAsync(email);
        Assert.False((await factory.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AnAddressRefusedForItsFailures_MayTryAgainFifteenMinutesLater()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var client = ClientOnNewAddress();
        await FailAsync(client, email, 5);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        await client.SignInAsync(email);
    }

    [Fact]
    public async Task ALockedAccount_AndAnUnknownEmail_GetTheSameAnswer()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        // Guessing spread over two addresses, within each one's limit: ten failures lock the account.
        foreach (var target in new[] { email, unknown })
        {
            await FailAsync(ClientOnNewAddress(), target, 5);
            await FailAsync(ClientOnNewAddress(), target, 5);
        }
        Assert.True((await factory.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow);

        using var locked = await ClientOnNewAddress().SubmitSignInAsync(email);
        using var nobody = await ClientOnNewAddress().SubmitSignInAsync(unknown);

        var lockedAnswer = (await locked.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(SignInMessages.Failed, lockedAnswer);
        Assert.Equal(lockedAnswer, (await nobody.ReadDocumentAsync()).ErrorSummary());
    }
}
