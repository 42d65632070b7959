using Microsoft.Extensions.Options;
using Khilafat.Web.Email;
using Khilafat.Web.Jobs;
using Khilafat.Web.Options;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Startup;

public static class EmailSetup
{
    /// <summary>The outbox, its background sender, the transport (SMTP or pickup folder) from the Email section, and emailing updates to the list.</summary>
    public static IServiceCollection AddSiteEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .PostConfigure<IOptions<SiteOptions>>((email, site) =>
            {
                if (string.IsNullOrWhiteSpace(email.From)) email.From = EmailOptions.DefaultFrom(site.Value.PublicUrl);
                if (string.IsNullOrWhiteSpace(email.ReplyTo)) email.ReplyTo = string.IsNullOrWhiteSpace(site.Value.ContactEmail) ? null : site.Value.ContactEmail;
            })
            .ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From must be an address, or a name and an address (\"Name <address>\").")
            .Validate(o => o.ReplyTo is null || MimeKit.MailboxAddress.TryParse(o.ReplyTo, out _), "Email:ReplyTo must be an address, or a name and an address (\"Name <address>\").")
            .Validate(o => o.ClaimTimeout > o.Smtp.Timeout + OutboxSender.DeliveryMargin,
                "Email:ClaimTimeout must be longer than Email:Smtp:Timeout plus 5 seconds, or a second instance could send a message that is still being delivered.")
            .ValidateOnStart();
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<EmailTemplates>();
        services.AddHostedService<OutboxSender>();

        // Updates emailed to the list: queued by a job, delivered by the outbox sender at the list's pace.
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UpdateEmails>();
        services.AddScoped<UpdateSends>();
        services.AddKeyedScoped<IJobHandler, SendExpansion>(JobKinds.ExpandSend);
        return services;
    }
}
