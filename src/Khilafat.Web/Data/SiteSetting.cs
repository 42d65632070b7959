namespace Khilafat.Web.Data;

/// <summary>A small key/value row for settings editors change at run time and for start-up bookkeeping (which seeds ran).</summary>
public class SiteSetting
{
    public const int KeyMaxLength = 100;

    public required string Key { get; set; }
    public required string Value { get; set; }
}
