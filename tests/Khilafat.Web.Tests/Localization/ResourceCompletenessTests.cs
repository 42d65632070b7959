using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Khilafat.Web.Tests.Localization;

/// <summary>Every UI string has its Arabic and Urdu translation: a string added only in English fails here.</summary>
public partial class ResourceCompletenessTests
{
    private static string WebProject
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Khilafat.Web.sln"))) directory = directory.Parent;
            return Path.Combine(directory!.FullName, "src", "Khilafat.Web");
        }
    }

    private static Dictionary<string, string> Read(string culture) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", culture == "en" ? "SharedResource.resx" : $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Theory]
    [InlineData("ar")]
    [InlineData("ur")]
    public void EveryEnglishString_HasATranslation_AndNoneIsLeftOver(string culture)
    {
        var english = Read("en");
        var translated = Read(culture);

        var missing = english.Keys.Except(translated.Keys).ToList();
        var extra = translated.Keys.Except(english.Keys).ToList();
        Assert.True(missing.Count == 0, $"Missing in {culture}:\n" + string.Join("\n", missing));
        Assert.True(extra.Count == 0, $"In {culture} but not in English:\n" + string.Join("\n", extra));
        Assert.DoesNotContain(translated, kv => string.IsNullOrWhiteSpace(kv.Value) || kv.Value == kv.Key);
        // A placeholder lost in translation would drop a number or a name from the sentence; Arabic's dual alone names
        // its number by its form (دولتين, "two countries"), so "|two" may leave the count out.
        foreach (var (key, value) in translated)
        {
            var expected = Placeholder().Matches(key).Select(m => m.Value).Order().ToList();
            var found = Placeholder().Matches(value).Select(m => m.Value).Order().ToList();
            if (key.EndsWith("|two", StringComparison.Ordinal) && !found.Contains("{0}")) expected.Remove("{0}");
            Assert.True(expected.SequenceEqual(found), $"{culture}: the placeholders of \"{key}\" differ in \"{value}\"");
        }
    }

    [Fact]
    public void EveryStringThePublicPagesUse_IsInTheEnglishResources()
    {
        var english = Read("en");
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Admin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UiString().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value.Replace("\\\"", "\""))))
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} UI strings found");
        var missing = used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "UI strings without a resource entry:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[Tt]\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex UiString();
}
