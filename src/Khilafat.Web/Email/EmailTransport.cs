using Khilafat.Web.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Khilafat.Web.Email;

/// <summary>Hands one message to the outside world: an SMTP server, or a pickup folder.</summary>
public interface IEmailTransport
{
    /// <summary>False when email is not configured at all (the outbox then keeps its messages).</summary>
    bool IsConfigured { get; }

    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Chooses the pickup folder when one is set, else SMTP.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public bool IsConfigured => options.Value.PickupDirectory is { Length: > 0 } || options.Value.Smtp.Host is { Length: > 0 };

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var email = options.Value;
        if (email.PickupDirectory is { Length: > 0 } pickup)
        {
            var folder = Path.IsPathRooted(pickup) ? pickup : Path.Combine(environment.ContentRootPath, pickup);
            Directory.CreateDirectory(folder);
            // Written under a temporary name and then renamed, so a reader never sees half a message.
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
            var temporary = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, Path.Combine(folder, name + ".eml"));
            return;
        }

        var smtp = email.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (smtp.Username is { Length: > 0 }) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
