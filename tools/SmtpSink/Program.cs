using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

// A minimal SMTP server for scripts/sendbench.sh: it accepts every message on 127.0.0.1 and keeps nothing but counts.
// netDumbster keeps every message in memory and answers on blocking threads: at 100,000 messages it would measure
// itself. Each second it prints one line, "<seconds> <received> <distinct Message-IDs>", which the script reads.
//
//   dotnet SmtpSink.dll --port 2525

var port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2525;
var listener = new TcpListener(IPAddress.Loopback, port);
listener.Start();
var clock = Stopwatch.StartNew();
var received = 0L;
var messageIds = new HashSet<string>(StringComparer.Ordinal);
var latin1 = Encoding.Latin1;
Console.Out.Flush();

_ = Task.Run(async () =>
{
    while (true)
    {
        await Task.Delay(1000);
        int distinct;
        lock (messageIds) distinct = messageIds.Count;
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} {Interlocked.Read(ref received)} {distinct}");
    }
});

while (true)
{
    var client = await listener.AcceptTcpClientAsync();
    _ = Task.Run(() => ServeAsync(client));
}

async Task ServeAsync(TcpClient client)
{
    using var _ = client;
    client.NoDelay = true;
    var stream = client.GetStream();
    // Latin-1 maps every byte to one char, so 8-bit bodies pass through unharmed.
    using var reader = new StreamReader(stream, latin1, false, 64 * 1024);
    await using var writer = new StreamWriter(stream, latin1, 4096) { NewLine = "\r\n", AutoFlush = false };
    async Task Reply(string line)
    {
        await writer.WriteLineAsync(line);
        // Pipelined commands are answered together: flush only when nothing more is waiting to be read.
        if (!stream.DataAvailable) await writer.FlushAsync();
    }
    try
    {
        await Reply("220 smtp-sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await Reply("250-smtp-sink");
                    await Reply("250-PIPELINING");
                    await Reply("250-8BITMIME");
                    await Reply("250 SMTPUTF8");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    await writer.FlushAsync();
                    string? messageId = null;
                    var inHeaders = true;
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        if (!inHeaders) continue;
                        if (data.Length == 0) inHeaders = false;
                        else if (data.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase)) messageId = data[11..].Trim();
                    }
                    Interlocked.Increment(ref received);
                    if (messageId is not null) lock (messageIds) messageIds.Add(messageId);
                    await Reply("250 accepted");
                    break;
                case "QUIT":
                    await Reply("221 bye");
                    await writer.FlushAsync();
                    return;
                case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                    await Reply("250 ok");
                    break;
                default:
                    await Reply("502 not implemented");
                    break;
            }
        }
    }
    catch (IOException)
    {
        // The client went away mid-session: what it finished is counted.
    }
}
