using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;

namespace Khilafat.Web.Tests.Durability;

/// <summary>
/// A database restored without its key-encryption certificate: the site says what is missing and changes nothing (a
/// new certificate and new keys beside the old would fail the right one when it is put back); with the certificate
/// back it starts as before; lost for good, `forget-keys` lets it start afresh.
/// </summary>
public class LostCertificateTests
{
    [Fact]
    public async Task ARestoreWithoutTheCertificate_StopsSayingWhatIsMissing_AndChangesNothing()
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        var certificate = Path.Combine(data.Folder, KeyEncryption.DefaultFileName);
        var keptApart = Path.Combine(data.Folder, "kept-apart.pfx");
        // The operator is told, once, of the file that is in no backup.
        Assert.Contains($"Made {certificate}, the certificate that encrypts the site's keys", await AppProcess.StartAndStopAsync(settings));
        var keys = DurabilityData.Scalar(data.DatabasePath, """SELECT group_concat("Id") FROM "DataProtectionKeys" """);

        File.Move(certificate, keptApart);
        await using (var restored = AppProcess.Launch(settings))
        {
            Assert.True(await restored.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the site kept running:\n" + restored.Output);
            Assert.NotEqual(0, restored.ExitCode);
            Assert.Contains($"The site cannot start: the database {data.DatabasePath} holds keys encrypted with the certificate {certificate}, which is missing", restored.Output);
            Assert.Contains("forget-keys", restored.Output);
            Assert.DoesNotContain("   at ", restored.Output);
        }
        Assert.False(File.Exists(certificate));
        Assert.Equal(keys, DurabilityData.Scalar(data.DatabasePath, """SELECT group_concat("Id") FROM "DataProtectionKeys" """));

        File.Move(keptApart, certificate);
        var back = await AppProcess.StartAndStopAsync(settings);
        Assert.DoesNotContain("Unable to retrieve the decryption key", back);
        Assert.DoesNotContain("certificate that encrypts", back);
        Assert.Equal(keys, DurabilityData.Scalar(data.DatabasePath, """SELECT group_concat("Id") FROM "DataProtectionKeys" """));
    }

    [Fact]
    public async Task ACertificateLostForGood_ForgetKeys_LetsTheSiteStartWithNewOnes()
    {
        using var data = new DurabilityData();
        var settings = data.Settings();
        var certificate = Path.Combine(data.Folder, KeyEncryption.DefaultFileName);
        await AppProcess.StartAndStopAsync(settings);
        var oldKeys = DurabilityData.Scalar(data.DatabasePath, """SELECT group_concat("Xml") FROM "DataProtectionKeys" """);
        File.Delete(certificate);

        var (exitCode, output, errors) = await AppProcess.RunCommandAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = settings["ConnectionStrings__Default"] }, "forget-keys");
        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("are forgotten", output);
        Assert.Equal("0", DurabilityData.Scalar(data.DatabasePath, """SELECT COUNT(*) FROM "DataProtectionKeys" """));

        await using var again = AppProcess.Launch(settings);
        await again.WaitUntilHealthyAsync();
        Assert.True(File.Exists(certificate));
        using var visitor = new HttpClient { BaseAddress = again.Address };
        Assert.Contains("__RequestVerificationToken", await visitor.GetStringAsync("/join"));
        Assert.NotEqual(oldKeys, DurabilityData.Scalar(data.DatabasePath, """SELECT group_concat("Xml") FROM "DataProtectionKeys" """));
        Assert.Equal("1", DurabilityData.Scalar(data.DatabasePath, """SELECT COUNT(*) FROM "Settings" WHERE "Key" = 'secret:hmac-key'"""));
    }
}
