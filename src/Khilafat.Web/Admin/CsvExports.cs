using System.Globalization;
using CsvHelper;

namespace Khilafat.Web.Admin;

/// <summary>How the admin's CSV downloads (signatures, answers, subscribers) are written.</summary>
public static class CsvExports
{
    /// <summary>
    /// Values come from visitors, so a leading "=" or "+" is escaped rather than becoming a spreadsheet formula. The
    /// file starts with UTF-8's byte order mark: without it Excel reads it in the computer's own code page, and every
    /// Arabic or Urdu name on a list handed to a petition's addressee comes out as unreadable characters.
    /// </summary>
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = true,
    };
}
