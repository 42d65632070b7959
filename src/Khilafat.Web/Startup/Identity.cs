using Khilafat.Web.Accounts;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.Identity;

namespace Khilafat.Web.Startup;

public static class Identity
{
    public const string SignInPath = "/account/sign-in";

    /// <summary>ASP.NET Core Identity on the site's database: accounts, roles, lockout, two-factor, and the auth cookie.</summary>
    public static IServiceCollection AddSiteIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<SiteUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length is what makes a password strong; composition rules mostly make people write them down.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddSignInManager<SiteSignInManager>()
            .AddDefaultTokenProviders()
            // Replaces the default authenticator provider: each code is accepted once.
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // In place of the store AddEntityFrameworkStores registered: the same, with two-factor secrets encrypted.
        services.AddScoped<SiteUserStore>();
        services.AddScoped<IUserStore<SiteUser>>(sp => sp.GetRequiredService<SiteUserStore>());

        services.AddOptions<IdentityOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((options, security) => options.Lockout.MaxFailedAccessAttempts = security.Value.LockoutAfterFailures);
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((options, security) => options.TokenLifespan = security.Value.PasswordLinkLifetime);

        // Every request checks the session against the account's security stamp, so signing out, a role change or a
        // disabled account ends a session (and every copy of its cookie) at once.
        services.AddScoped<ISecurityStampValidator, SessionValidator>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Khilafat.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            options.ReturnUrlParameter = "returnUrl";
            // To the sign-in page by its path: the default address is absolute, made from the request's Host header,
            // which anyone can forge ("Host: evil.example" would be sent on to evil.example's sign-in page).
            options.Events.OnRedirectToLogin = context =>
            {
                var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
                context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
                return Task.CompletedTask;
            };
            // A signed-in account without the role gets a real 403 (shown by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((options, security) =>
                options.Cookie.SecurePolicy = SecureCookies(security.Value, environment));
        // The anti-forgery cookie follows the request's scheme: with "Always", antiforgery refuses to work at all on a
        // request that reaches the app as plain http (behind a TLS-terminating proxy), and every form would fail.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Khilafat.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Editor, policy => policy.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddSingleton<SetupToken>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<TwoFactorSetup>();
        return services;
    }

    private static CookieSecurePolicy SecureCookies(SecurityOptions security, IHostEnvironment environment) =>
        (security.SecureCookies ?? !environment.IsDevelopment()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
