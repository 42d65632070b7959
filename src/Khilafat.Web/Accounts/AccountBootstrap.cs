using Khilafat.Web.Audit;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        if (await db.Users.AnyAsync()) return;

        var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(admin.Email) && !string.IsNullOrEmpty(admin.Password))
        {
            var result = await services.GetRequiredService<UserAdministration>().CreateAsync(admin.Email, Roles.Admin, Actor.System, admin.Password);
            if (!result.Succeeded)
            {
                logger.LogCritical("Admin__Email/Admin__Password could not create the first admin: {Reason}", result.Error);
                throw new InvalidOperationException($"The first admin from configuration (Admin__Email) could not be created: {result.Error}");
            }
            logger.LogInformation("Created the first admin {Email} from configuration.", admin.Email);
            return;
        }

        var token = app.Services.GetRequiredService<SetupToken>().Issue();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
            address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
            logger.LogWarning("No account exists yet. Create the first admin at {SetupUrl} (the link works once, until the app restarts).",
                $"{address}/setup?token={token}");
        });
    }
}
