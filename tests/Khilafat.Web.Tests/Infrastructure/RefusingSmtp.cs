using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that refuses for good (550 5.1.1) every recipient whose address contains
/// "bounce", and takes every other message: a receiving server that knows an address does not exist. netDumbster
/// accepts everything, so the permanent failures the sender must count need this one. A message to an address
/// containing "paused" is refused after its data as a provider refuses a whole account's mail (554 5.7.1): the
/// sender's problem, which must not count against the reader.
/// </summary>
public sealed class RefusingSmtp : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RefusingSmtp(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The recipients of the messages taken, one entry per message.</summary>
    public ConcurrentQueue<string> Delivered { get; } = new();

    /// <summary>The recipients refused.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 refusing.test ESMTP");
            string? recipient = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 refusing.test");
                        break;
                    case "MAIL":
                        recipient = null;
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>');
                        if (address.Contains("bounce", StringComparison.OrdinalIgnoreCase))
                        {
                            Refused.Enqueue(address);
                            // As real servers answer: the address repeated in the refusal.
                            await writer.WriteLineAsync($"550 5.1.1 <{address}>: Recipient address rejected: No such user here");
                        }
                        else
                        {
                            recipient = address;
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }
                        break;
                    case "DATA":
                        if (recipient is null)
                        {
                            await writer.WriteLineAsync("554 5.5.1 No valid recipients");
                            break;
                        }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".") { }
                        if (recipient.Contains("paused", StringComparison.OrdinalIgnoreCase))
                        {
                            recipient = null;
                            await writer.WriteLineAsync("554 5.7.1 Message rejected: Sending paused for this account");
                            break;
                        }
                        Delivered.Enqueue(recipient);
                        recipient = null;
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        recipient = null;
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
