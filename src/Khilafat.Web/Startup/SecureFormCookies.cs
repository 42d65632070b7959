using Khilafat.Web.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Startup;

/// <summary>
/// The anti-forgery and TempData cookies are marked Secure whenever Security:SecureCookies is on, as the auth cookie
/// is, even on a request that reaches the app as plain http behind a TLS-terminating proxy. Not by
/// <see cref="CookieSecurePolicy.Always"/>: with it, anti-forgery refuses such requests outright and every form fails.
/// </summary>
public static class SecureFormCookies
{
    public static IServiceCollection AddSecureFormCookies(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IOptions<SecurityOptions>>((options, security) =>
        {
            if (IsOn(security.Value, environment)) options.Cookie = new SecureCookieBuilder(options.Cookie);
        });
        services.AddOptions<CookieTempDataProviderOptions>().PostConfigure<IOptions<SecurityOptions>>((options, security) =>
        {
            if (IsOn(security.Value, environment)) options.Cookie = new SecureCookieBuilder(options.Cookie);
        });
        return services;
    }

    private static bool IsOn(SecurityOptions security, IHostEnvironment environment) => security.SecureCookies ?? !environment.IsDevelopment();

    /// <summary>The same cookie, always with the Secure attribute.</summary>
    private sealed class SecureCookieBuilder : CookieBuilder
    {
        public SecureCookieBuilder(CookieBuilder original)
        {
            Name = original.Name;
            Path = original.Path;
            Domain = original.Domain;
            HttpOnly = original.HttpOnly;
            SameSite = original.SameSite;
            SecurePolicy = original.SecurePolicy;
            Expiration = original.Expiration;
            MaxAge = original.MaxAge;
            IsEssential = original.IsEssential;
            foreach (var extension in original.Extensions) Extensions.Add(extension);
        }

        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }
}
