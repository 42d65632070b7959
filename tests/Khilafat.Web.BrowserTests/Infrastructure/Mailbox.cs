using MimeKit;

namespace Khilafat.Web.BrowserTests.Infrastructure;

/// <summary>The site's mail pickup folder, read as a mail program would read an inbox.</summary>
public sealed class Mailbox(string folder)
{
    /// <summary>
    /// The first message to <paramref name="to"/> (whose text holds <paramref name="containing"/>, when given), waiting for
    /// the outbox to deliver it (polled, 10 seconds at most).
    /// </summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string to, string? containing = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml").Order())
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        && (containing is null || (message.TextBody ?? "").Contains(containing, StringComparison.Ordinal))) return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {to}{(containing is null ? "" : $" with \"{containing}\"")} arrived in {folder} within 10 seconds.");
    }
}
