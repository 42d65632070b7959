using System.Net;
using netDumbster.smtp;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>A real SMTP server (netDumbster) on 127.0.0.1, for the site to deliver to.</summary>
public static class LoopbackSmtp
{
    static LoopbackSmtp()
    {
        // netDumbster answers each SMTP connection with blocking reads on pool threads, and several sites run at
        // once in this process: start with enough threads that a busy machine does not starve the mail server.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }

    /// <summary>Starts a server on <paramref name="port"/>, or on a free port when null.</summary>
    public static SimpleSmtpServer Start(int? port = null)
    {
        var configuration = Configuration.Configure().WithAddress(IPAddress.Loopback);
        return (port is { } fixedPort ? configuration.WithPort(fixedPort) : configuration.WithRandomPort()).Build();
    }
}
