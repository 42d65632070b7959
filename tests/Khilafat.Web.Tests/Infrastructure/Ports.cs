using System.Net;
using System.Net.Sockets;

namespace Khilafat.Web.Tests.Infrastructure;

public static class Ports
{
    /// <summary>A port on 127.0.0.1 that nothing listens on (just now): for a server to start on, or to find nobody at.</summary>
    public static int FreeLoopback()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
