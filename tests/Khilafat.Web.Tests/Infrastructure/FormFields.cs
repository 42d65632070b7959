using System.Globalization;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>Values as the browser's own controls send them.</summary>
public static class FormFields
{
    /// <summary>A <c>datetime-local</c> field's value ("2026-12-07T18:00"), as a browser sends it.</summary>
    public static string Field(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
