using System.Text;
using Khilafat.Web.MailingList;

namespace Khilafat.Web.UnitTests.MailingList;

/// <summary>The one spelling an address is stored in, so that one person is one subscriber.</summary>
public class EmailAddressesTests
{
    [Theory]
    [InlineData("reader@example.org", "reader@example.org")]
    [InlineData("  reader@example.org\t", "reader@example.org")]
    [InlineData("reader@EXAMPLE.Org", "reader@example.org")]
    [InlineData("Reader.Name@Example.ORG", "Reader.Name@example.org")]
    [InlineData("first.last+news@mail.example.co.uk", "first.last+news@mail.example.co.uk")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    public void Normalize_TrimsAndLowercasesTheDomain_KeepingTheLocalPartAsTyped(string input, string stored)
    {
        Assert.Equal(stored, EmailAddresses.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("reader")]
    [InlineData("reader@")]
    [InlineData("@example.org")]
    [InlineData("reader@localhost")]
    [InlineData("reader@.example.org")]
    [InlineData("reader@example.org.")]
    [InlineData("reader@example..org")]
    [InlineData("read er@example.org")]
    [InlineData("reader@exa mple.org")]
    [InlineData("Reader <reader@example.org>")]
    [InlineData("reader@example.org, other@example.org")]
    [InlineData("reader@example.org;other@example.org")]
    [InlineData("\"reader\"@example.org")]
    [InlineData("reader(comment)@example.org")]
    [InlineData("reader@example.org\r\nBcc: victim@example.org")]
    [InlineData("reader\u0000@example.org")]
    public void Normalize_RefusesWhatIsNotOnePlainAddress(string? input)
    {
        Assert.Null(EmailAddresses.Normalize(input));
    }

    [Fact]
    public void Normalize_AllowsAddressesUpTo254Characters_AndNoLonger()
    {
        var domain = "@" + string.Join(".", Enumerable.Repeat(new string('d', 62), 3)) + ".org"; // 193 characters
        var fits = new string('l', 254 - domain.Length) + domain;
        var tooLong = "l" + fits;

        Assert.Equal(fits, EmailAddresses.Normalize(fits));
        Assert.Null(EmailAddresses.Normalize(tooLong));
    }

    [Fact]
    public void Normalize_RefusesALocalPartLongerThan64Characters()
    {
        Assert.NotNull(EmailAddresses.Normalize(new string('l', 64) + "@example.org"));
        Assert.Null(EmailAddresses.Normalize(new string('l', 65) + "@example.org"));
    }

    [Fact]
    public void Normalize_OfAnInternationalAddress_InNfcOrNfd_IsOneSpelling()
    {
        // The same address as two keyboards may send it: "é" as one character, or as "e" and a combining accent.
        var composed = "josé@bücher.example".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        var stored = EmailAddresses.Normalize(decomposed);

        Assert.Equal(composed, stored);
        Assert.Equal(EmailAddresses.Normalize(composed), stored);
    }

    [Fact]
    public void Normalize_OfAnArabicLocalPart_KeepsItAsTyped()
    {
        Assert.Equal("قارئ@example.org", EmailAddresses.Normalize(" قارئ@EXAMPLE.org "));
    }
}
