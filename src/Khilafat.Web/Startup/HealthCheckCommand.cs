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
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/healthz");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unreachable: {e.Message}");
            return 1;
        }
    }
}
