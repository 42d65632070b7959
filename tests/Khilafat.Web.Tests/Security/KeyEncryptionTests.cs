using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Khilafat.Web.Data;
using Khilafat.Web.Startup;
using Khilafat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Security;

/// <summary>
/// The Data Protection keys are encrypted in the database with a certificate kept beside it, not in it: a backup of
/// the database alone cannot be used to forge cookies and tokens.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
public class KeyEncryptionTests(KeyEncryptionTests.OwnCertificateSite factory) : IClassFixture<KeyEncryptionTests.OwnCertificateSite>
{
    /// <summary>A site that makes its certificate itself, as on a first start (the suite's other sites share one).</summary>
    public sealed class OwnCertificateSite : SiteFactory
    {
        protected override bool UsesSharedCertificate => false;
    }

    private string CertificatePath => Path.Combine(factory.DataDirectory, KeyEncryption.DefaultFileName);

    private static Task<List<string>> StoredKeysAsync(SiteFactory site) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<SiteDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());

    /// <summary>Data Protection reading <paramref name="databaseFile"/> as someone holding only that file (and perhaps the certificate) could.</summary>
    private static ServiceProvider Reader(string databaseFile, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        services.AddDbContext<SiteDbContext>(o => o.UseSqlite($"Data Source={databaseFile};Pooling=False"));
        var dataProtection = services.AddDataProtection().SetApplicationName("Khilafat.Web").PersistKeysToDbContext<SiteDbContext>().DisableAutomaticKeyGeneration();
        if (certificate is not null) dataProtection.UnprotectKeysWithAnyCertificate(certificate);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TheStoredKeys_HoldOnlyEncryptedSecrets_AndTheCertificateFileIsTheOwnersAlone()
    {
        await factory.CreateClient().GetStringAsync("/account/sign-in");

        var keys = await StoredKeysAsync(factory);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("requiresEncryption", xml);
        });
        Assert.True(File.Exists(CertificatePath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CertificatePath));
    }

    [Fact]
    public async Task ABackup_CannotUnprotectTheSitesTokens_WithoutTheCertificateFile()
    {
        var payload = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a sign-in cookie").Protect("the session of an admin");
        var backup = Path.Combine(factory.DataDirectory, "backup.db");
        await DatabaseBackup.WriteAsync(factory.ConnectionString, backup);

        using (var withoutCertificate = Reader(backup, null))
        {
            var protector = withoutCertificate.GetRequiredService<IDataProtectionProvider>().CreateProtector("a sign-in cookie");
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(payload));
        }

        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, null);
        using var withCertificate = Reader(backup, certificate);
        Assert.Equal("the session of an admin", withCertificate.GetRequiredService<IDataProtectionProvider>().CreateProtector("a sign-in cookie").Unprotect(payload));
    }

    [Fact]
    public async Task AKeyStoredInPlainTextBefore_IsEncryptedAtTheNextStart_AndWhatItProtectedStillOpens()
    {
        var data = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new Restarted(data))
            {
                await first.CreateClient().GetStringAsync("/");
            }
            // Data Protection as the site had it before its keys were encrypted: it writes a key in plain text.
            string payload;
            using (var before = Reader(Path.Combine(data, "site.db"), null))
            {
                var manager = before.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
                manager.CreateNewKey(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90));
                payload = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("a password link").Protect("for the editor");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            await using var second = new Restarted(data);
            await second.CreateClient().GetStringAsync("/");

            Assert.All(await StoredKeysAsync(second), xml => Assert.DoesNotContain("requiresEncryption", xml));
            Assert.Equal("for the editor", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a password link").Unprotect(payload));
        }
        finally
        {
            await SiteFactory.DeleteDataAsync(data);
        }
    }

    [Fact]
    public async Task TheCertificateAFirstStartMakes_EncryptsItsKeys_AndTheNextStartReadsTheSameFile()
    {
        // A first start makes its certificate on a thread of its own while it starts (see KeyEncryptionCertificate):
        // its keys must still be encrypted with that certificate and opened with it, then and after a restart.
        var data = Path.Combine(Path.GetTempPath(), "khilafat-tests", Guid.NewGuid().ToString("N"));
        var certificateFile = Path.Combine(data, KeyEncryption.DefaultFileName);
        try
        {
            string payload;
            byte[] certificate;
            List<string> keys;
            await using (var first = new Restarted(data))
            {
                Assert.Contains("__RequestVerificationToken", await first.CreateClient().GetStringAsync("/account/sign-in"));
                payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a password link").Protect("for the editor");
                certificate = await File.ReadAllBytesAsync(certificateFile);
                keys = await StoredKeysAsync(first);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Assert.NotEmpty(keys);
            using (var made = X509CertificateLoader.LoadPkcs12(certificate, null))
                Assert.All(keys, xml => Assert.Contains(Convert.ToBase64String(made.RawData), xml));

            await using var second = new Restarted(data);
            await second.CreateClient().GetStringAsync("/");

            Assert.Equal(certificate, await File.ReadAllBytesAsync(certificateFile));
            Assert.Equal(keys, await StoredKeysAsync(second));
            Assert.Equal("for the editor", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a password link").Unprotect(payload));
        }
        finally
        {
            await SiteFactory.DeleteDataAsync(data);
        }
    }

    private sealed class Restarted(string data) : SiteFactory(data);
}
