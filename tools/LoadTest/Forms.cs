// A public form as a browser gets it, for the load's POSTs: its anti-forgery cookie and token (one pair serves any
// number of posts), and the time stamp of a form with a time trap for robots.
using System.Net;
using System.Text.RegularExpressions;

sealed record Form(string Cookie, string Token, string Stamp);

static class Forms
{
    public static async Task<Form> GetAsync(HttpClient client, string path, bool stamped = false)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith(".Khilafat.Antiforgery=", StringComparison.Ordinal));
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var stamp = stamped ? WebUtility.HtmlDecode(Regex.Match(html, "name=\"Input.FormStamp\" value=\"([^\"]+)\"").Groups[1].Value) : "";
        if (token.Length == 0 || (stamped && stamp.Length == 0)) throw new InvalidOperationException($"No anti-forgery token{(stamped ? " or form stamp" : "")} on {path}");
        return new Form(cookie, token, stamp);
    }

    /// <summary>A sign-up to the mailing list with <paramref name="form"/>'s token: the full form, consent ticked.</summary>
    public static HttpRequestMessage SignUp(Form form, string email)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/join")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Token), new("Input.Email", email), new("Input.Consent", "true")]),
        };
        request.Headers.Add("Cookie", form.Cookie);
        return request;
    }
}
