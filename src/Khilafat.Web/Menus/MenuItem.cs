namespace Khilafat.Web.Menus;

/// <summary>
/// One link of the header or footer menu in one language, which editors arrange in /admin/menus. A language with no
/// items of its own in a menu shows English's.
/// </summary>
public class MenuItem
{
    public const int LabelMaxLength = 80;
    public const int HrefMaxLength = 300;

    public int Id { get; set; }

    /// <summary><see cref="MenuNames.Header"/> or <see cref="MenuNames.Footer"/>.</summary>
    public required string Menu { get; set; }

    /// <summary>"en", "ar" or "ur".</summary>
    public required string Culture { get; set; }

    /// <summary>Lower first.</summary>
    public int Position { get; set; }

    public required string Label { get; set; }

    /// <summary>A path on this site without its language prefix ("/statement"); the layout adds the reader's.</summary>
    public required string Href { get; set; }
}

public static class MenuNames
{
    public const string Header = "header";
    public const string Footer = "footer";

    public static readonly IReadOnlyList<string> All = [Header, Footer];

    public static bool IsMenu(string? menu) => menu is Header or Footer;
}
