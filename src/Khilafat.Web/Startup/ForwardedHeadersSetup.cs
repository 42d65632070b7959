using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Khilafat.Web.Startup;

/// <summary>
/// Whom the site believes about a visitor's address and scheme. With ASPNETCORE_FORWARDEDHEADERS_ENABLED=true,
/// ASP.NET Core on its own believes X-Forwarded-For from anyone, so a visitor who reaches the app directly names any
/// address they like and escapes every per-address limit. Here only the loopback address and the proxies named in
/// ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR ranges) are believed.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddSiteForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so that a wrong value stops start-up with one line, and again from the built configuration, which
        // may have more (the tests add theirs late).
        Trusted(configuration);
        // After the host's own set-up, which empties both lists when the environment variable turns forwarding on.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IConfiguration>((options, built) =>
        {
            var (proxies, networks) = Trusted(built);
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Add(IPAddress.Loopback);
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy!);
            foreach (var network in networks) options.KnownIPNetworks.Add(network!.Value);
        });
        return services;
    }

    private static (List<IPAddress?> Proxies, List<System.Net.IPNetwork?> Networks) Trusted(IConfiguration configuration) => (
        Read(configuration, "KnownProxies", text => IPAddress.TryParse(text, out var address) ? address : null),
        Read(configuration, "KnownNetworks", text => System.Net.IPNetwork.TryParse(text, out var network) ? network : (System.Net.IPNetwork?)null));

    // A list of values (ForwardedHeaders:KnownProxies:0, :1 ...) or one comma-separated value; a wrong one stops start-up, naming it.
    private static List<T> Read<T>(IConfiguration configuration, string name, Func<string, T> parse)
    {
        var section = configuration.GetSection(Section).GetSection(name);
        var values = section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        var parsed = new List<T>();
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            parsed.Add(parse(value) ?? throw new StartupException(
                $"{Section}:{name} ({Section}__{name}) holds \"{value}\", which is not {(name == "KnownProxies" ? "an IP address" : "a network such as 10.0.0.0/8")}."));
        }
        return parsed;
    }
}
