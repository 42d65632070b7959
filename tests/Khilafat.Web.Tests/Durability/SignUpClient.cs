using System.Net;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Durability;

/// <summary>A visitor's browser against a running site process: it loads /join once, then signs up address after address.</summary>
public sealed class SignUpClient(Uri address) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private string _token = "";

    public async Task PrepareAsync()
    {
        var page = await _client.GetDocumentAsync("/join");
        _token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>True when the site acknowledged the sign-up (its redirect to the thank-you page); throws when the connection fails.</summary>
    public async Task<HttpStatusCode> SignUpAsync(string email)
    {
        using var response = await _client.PostAsync("/join", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", _token), new("Input.Email", email), new("Input.Consent", "true")]));
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/join/thanks"
            ? HttpStatusCode.OK
            : response.StatusCode;
    }

    public void Dispose() => _client.Dispose();
}
