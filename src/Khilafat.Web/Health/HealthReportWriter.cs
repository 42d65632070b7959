using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khilafat.Web.Health;

/// <summary>
/// /healthz's answer: the overall status and each check's (the database, and Redis when configured), as JSON, e.g.
/// {"status":"Healthy","checks":{"database":"Healthy","redis":"Healthy"}}. No error details: the address is public.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        }, cancellationToken: context.RequestAborted);
    }
}
