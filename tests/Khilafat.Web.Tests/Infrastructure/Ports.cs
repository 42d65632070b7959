using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Khilafat.Web.Tests.Infrastructure;

public static class Ports
{
    /// <summary>
    /// A port on 127.0.0.1 that nothing listens on (just now): for a server to start on, or to find nobody at. Chosen
    /// below the range the kernel takes outgoing connections' own ports from (32768–60999 here, read from /proc), not
    /// by binding port 0, which gives one inside it: a site killed and started again on its port found it taken by the
    /// local end of some test's connection to PostgreSQL, Redis or another site (a full run failed on it once).
    /// </summary>
    public static int FreeLoopback()
    {
        var below = OutgoingPortsFrom();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Math.Max(1024, below - 12000), below);
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"No free port on 127.0.0.1 below {below} in 200 tries.");
    }

    private static int OutgoingPortsFrom()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 32768; }
    }
}
