using Khilafat.Web.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Khilafat.Web.Email;

/// <summary>Hands messages to the outside world: an SMTP server, or a pickup folder.</summary>
public interface IEmailTransport
{
    /// <summary>False when email is not configured at all (the outbox then keeps its messages).</summary>
    bool IsConfigured { get; }

    /// <summary>Opens a session to send a batch of messages through (one SMTP connection for all of them).</summary>
    Task<IEmailSession> OpenAsync(CancellationToken ct);
}

/// <summary>An open way out for messages: an SMTP connection, or the pickup folder. Disposing it closes the connection.</summary>
public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Chooses the pickup folder when one is set, else SMTP.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public bool IsConfigured => options.Value.PickupDirectory is { Length: > 0 } || options.Value.Smtp.Host is { Length: > 0 };

    public async Task<IEmailSession> OpenAsync(CancellationToken ct)
    {
        var email = options.Value;
        if (email.PickupDirectory is { Length: > 0 } pickup)
        {
            var folder = Path.IsPathRooted(pickup) ? pickup : Path.Combine(environment.ContentRootPath, pickup);
            Directory.CreateDirectory(folder);
            return new PickupSession(folder);
        }

        var smtp = email.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (smtp.Username is { Length: > 0 }) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            return new SmtpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class PickupSession(string folder) : IEmailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            // Written under a temporary name and then renamed, so a reader never sees half a message.
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
            var temporary = Path.Combine(folder, name + ".tmp");
            // As SmtpClient does before it sends: Arabic and Urdu bodies get a transfer encoding a relay that collects
            // this folder can carry (quoted-printable or base64), rather than raw 8-bit bytes under no declared one.
            message.Prepare(EncodingConstraint.SevenBit);
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, Path.Combine(folder, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>One connection for a batch: connecting (and STARTTLS, and signing in) costs far more than a message.</summary>
    private sealed class SmtpSession(SmtpClient client) : IEmailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if (client.IsConnected) await client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
            {
                // Every message was already handed over (or failed) before this: a bad goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
