using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, for what only a real server does: request size limits, the Server
/// header, real sockets. Plain http, so cookies are not marked Secure here (Security:SecureCookies=false).
/// </summary>
public class KestrelSiteFactory : SiteFactory
{
    public KestrelSiteFactory()
    {
        UseKestrel(0);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new("Security:SecureCookies", "false"));

    /// <summary>Starts the server (once) and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    /// <summary>A client of the real server (cookies kept, redirects followed unless asked not to).</summary>
    public HttpClient CreateRealClient(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = Address,
        };
}
