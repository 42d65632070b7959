using Khilafat.Web.Email;
using Khilafat.Web.Options;

namespace Khilafat.Web.Startup;

public static class EmailSetup
{
    /// <summary>The outbox, its background sender, and the transport (SMTP or pickup folder) from the Email section.</summary>
    public static IServiceCollection AddSiteEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From must be an address, or a name and an address (\"Name <address>\").")
            .ValidateOnStart();
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<EmailTemplates>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
