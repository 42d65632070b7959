using System.Net;
using Khilafat.Web.Accounts;
using Khilafat.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Accounts for tests, made through the app's own services, and signing in through the real sign-in form.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates an account with <paramref name="role"/> (none when null) and a password; returns its email.</summary>
    public static async Task<string> CreateUserAsync(this SiteFactory factory, string? role, string? email = null, string password = Password)
    {
        email ??= $"{role?.ToLowerInvariant() ?? "norole"}-{Guid.NewGuid():N}@example.org";
        await factory.WithScopeAsync(async sp =>
        {
            if (role is not null)
            {
                var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(email, role, Actor.System, password);
                Assert.True(result.Succeeded, result.Error);
            }
            else
            {
                var users = sp.GetRequiredService<UserManager<SiteUser>>();
                var created = await users.CreateAsync(new SiteUser { UserName = email, Email = email, EmailConfirmed = true }, password);
                Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        });
        return email;
    }

    /// <summary>Signs in through /account/sign-in as a person would, and checks it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.SubmitSignInAsync(email, password);
        var landedOn = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(response.StatusCode == HttpStatusCode.OK && landedOn == "/admin",
            $"Signing in as {email} ended on {landedOn} ({(int)response.StatusCode}): {Html.Shorten(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>A new account with <paramref name="role"/>, signed in on a new client.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInClientAsync(this SiteFactory factory, string role)
    {
        var email = await factory.CreateUserAsync(role);
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return (client, email);
    }
}
