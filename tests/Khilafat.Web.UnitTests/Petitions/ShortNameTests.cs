using Khilafat.Web.Petitions;

namespace Khilafat.Web.UnitTests.Petitions;

/// <summary>How a signer who shows their name appears under "Latest signers": the first name and an initial, never more.</summary>
public class ShortNameTests
{
    [Theory]
    [InlineData("Amina Khan", "Amina K.")]
    [InlineData("Amina", "Amina")]
    [InlineData("  Amina   Khan  ", "Amina K.")]
    [InlineData("Abdul Rahman Khan", "Abdul K.")]
    [InlineData("عليّ حسن", "عليّ ح.")]
    [InlineData("محمد اقبال ✨", "محمد ا.")]
    [InlineData("عليّ حسن 🌙", "عليّ ح.")]
    [InlineData("🌙 Sara Ahmed", "Sara A.")]
    [InlineData("Omar \"Abu\" Said", "Omar S.")]
    [InlineData("Zara 'Khan'", "Zara K.")]
    [InlineData("✨", "✨")]
    [InlineData("", "")]
    public void ShowsTheFirstNameAndTheLastNamesInitial_LeavingOutWordsWithoutALetter(string name, string shown) =>
        Assert.Equal(shown, PetitionReader.ShortName(name));
}
