using Khilafat.Web.Audit;
using Khilafat.Web.Content;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Accounts;

/// <summary>At start-up: the roles exist, and when there is no account yet, the first admin comes from configuration or a one-time setup link.</summary>
public static class AccountBootstrap
{
    public static async Task InitializeAccountsAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Khilafat.Web.Setup");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var db = services.GetRequiredService<SiteDbContext>();
        var setup = app.Services.GetRequiredService<SetupToken>();
        if (await db.Users.AnyAsync())
        {
            await services.GetRequiredService<SiteUserStore>().EncryptClearSecretsAsync();
            // A link logged before an account came to be (by another instance, say) must not work now.
            await setup.CloseAsync();
            return;
        }

        var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(admin.Email) && !string.IsNullOrEmpty(admin.Password))
        {
            var result = await services.GetRequiredService<UserAdministration>().CreateAsync(admin.Email, Roles.Admin, Actor.System, admin.Password);
            if (!result.Succeeded)
            {
                logger.LogCritical("Admin__Email/Admin__Password could not create the first admin: {Reason}", result.Error);
                throw new InvalidOperationException($"The first admin from configuration (Admin__Email) could not be created: {result.Error}");
            }
            await setup.CloseAsync();
            // Without the address: the log keeps no one's (Admin:Email says whose it is).
            logger.LogInformation("Created the first admin from configuration (Admin:Email).");
            return;
        }

        var token = await setup.IssueAsync();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // On Site:PublicUrl, as every link the site gives: behind a proxy an instance's own address cannot be reached.
            using var scope = app.Services.CreateScope();
            logger.LogWarning("No account exists yet. Create the first admin at {SetupUrl} (the link works once, on any instance).",
                scope.ServiceProvider.GetRequiredService<SiteUrls>().Absolute($"/setup?token={token}"));
        });
    }
}
