using Microsoft.AspNetCore.Http.Extensions;

namespace Khilafat.Web.Pages;

/// <summary>What _Pager needs: the current page, how many there are, and the URL of page n.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link, string Label = "Pages")
{
    /// <summary>
    /// The ?page= number of the request, 1 when absent or nonsense. Read by hand: Razor Pages keeps its own "page"
    /// route value, which model binding would find first.
    /// </summary>
    public static int Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], out var page) && page > 0 ? page : 1;

    /// <summary>A pager whose links keep the request's other query values and change only ?page=.</summary>
    public static Pager For(HttpRequest request, int page, int pageCount, string label = "Pages") => new(page, pageCount, n =>
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        if (n > 1) query.Add("page", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request.PathBase + request.Path + query.ToQueryString();
    }, label);
}
