namespace Khilafat.Web.Startup;

/// <summary>
/// `Khilafat.Web healthcheck`: asks the running site's /healthz on this machine and exits 0 when it is healthy.
/// The container's HEALTHCHECK uses it, as the runtime image has no curl.
/// </summary>
public static class HealthCheckCommand
{
    public static async Task<int> RunAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/healthz");
        if (HostToAsk(Environment.GetEnvironmentVariable("AllowedHosts")) is { } host) request.Headers.Host = host;
        try
        {
            using var response = await client.SendAsync(request);
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unreachable: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The site answers only the host names in AllowedHosts (as deploy/compose.yaml sets it): the check asks as the
    /// first of them ("*.example.org" as "health.example.org"), or as 127.0.0.1 when any host is allowed.
    /// </summary>
    public static string? HostToAsk(string? allowedHosts) =>
        allowedHosts?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() switch
        {
            null or "*" => null,
            var wildcard when wildcard.StartsWith("*.", StringComparison.Ordinal) => "health" + wildcard[1..],
            var host => host,
        };
}
