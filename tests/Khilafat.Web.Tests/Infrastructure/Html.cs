using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Reads pages as a browser would and submits their forms with the fields (and anti-forgery token) they carry.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The page's one block of JSON-LD (schema.org data for search engines), in its head.</summary>
    public static System.Text.Json.Nodes.JsonNode JsonLd(IHtmlDocument page) =>
        System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(page.Head!.QuerySelectorAll("script[type='application/ld+json']")).TextContent)!;

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {Shorten(body)}");
        return Parse(body);
    }

    /// <summary>The form that matches <paramref name="selector"/> (or the page's only form in main).</summary>
    public static IHtmlFormElement Form(this IHtmlDocument document, string selector = "main form")
    {
        var form = document.QuerySelector(selector) as IHtmlFormElement;
        Assert.True(form is not null, $"No form matches '{selector}' on the page.");
        return form!;
    }

    /// <summary>
    /// Submits <paramref name="form"/> with the values it carries, each name in <paramref name="values"/> replacing
    /// that name's fields. <paramref name="submitter"/> is the button pressed (its name and value are sent, its
    /// formaction honoured). The request goes to the form's action relative to <paramref name="pageUrl"/>.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? values = null, string? submitter = null)
    {
        var overrides = (values ?? []).ToList();
        var overridden = overrides.Select(v => v.Key).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        IElement? button = submitter is null ? null : form.QuerySelector(submitter) ?? form.Owner!.QuerySelector(submitter);
        if (submitter is not null) Assert.True(button is not null, $"No button matches '{submitter}'.");

        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overridden.Contains(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(name, option.Value));
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.Length > 0) fields.Add(new(name, select.Options[0]!.Value));
                    break;
                case IHtmlButtonElement:
                    break;
            }
        }
        fields.AddRange(overrides);
        if (button?.GetAttribute("name") is { Length: > 0 } buttonName) fields.Add(new(buttonName, button.GetAttribute("value") ?? ""));

        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = new Uri(new Uri(new Uri("http://localhost"), pageUrl), string.IsNullOrEmpty(action) ? pageUrl : action);
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        Assert.Equal("POST", method);
        return client.PostAsync(target.PathAndQuery, new FormUrlEncodedContent(fields));
    }

    /// <summary>GETs <paramref name="pageUrl"/>, then submits its form.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? values = null, string formSelector = "main form", string? submitter = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitAsync(document.Form(formSelector), pageUrl, values, submitter);
    }

    /// <summary>The text of an element with its whitespace collapsed.</summary>
    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The message shown beside a field (ASP.NET's validation message for that name).</summary>
    public static string? FieldError(this IHtmlDocument document, string fieldName) =>
        document.QuerySelector($"[data-valmsg-for='{fieldName}']")?.Text() is { Length: > 0 } text ? text : null;

    public static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    public static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
