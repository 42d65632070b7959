using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Khilafat.Web.Data;
using Khilafat.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Khilafat.Web.Startup;

/// <summary>
/// Data Protection with its keys in the database, encrypted there with a certificate that is not: whoever holds a
/// copy of the database (a backup, a dump) cannot forge sign-in cookies or tokens, or test guesses of hashed IPs,
/// without the certificate file too. See <see cref="KeyEncryptionOptions"/> for where the certificate comes from.
/// </summary>
public static class KeyEncryption
{
    public const string DefaultFileName = "keys-encryption.pfx";

    public static IServiceCollection AddSiteDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Khilafat.Web").PersistKeysToDbContext<SiteDbContext>();
        var options = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        var certificate = CertificateFile(options, configuration, environment);
        if (certificate is null) return services;

        services.AddSingleton(certificate);
        // What ProtectKeysWithCertificate(X509Certificate2) registers, without needing the certificate yet: a new one
        // may still be in the making (see KeyEncryptionCertificate). Data Protection reads these options when it makes
        // its key manager (MapRazorPages does, while the database starts on the other core), before it reads, decrypts
        // or makes any key. So the certificate is waited for there, and put in the list that decrypting reads when it
        // first decrypts a key, later (UnprotectKeysWithAnyCertificate reads its array then, not now: should that
        // change, KeyEncryptionTests fail).
        var decryptingWith = new X509Certificate2[1];
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((keyManagement, logs) =>
        {
            decryptingWith[0] = certificate.Certificate;
            keyManagement.XmlEncryptor = new CertificateXmlEncryptor(decryptingWith[0], logs);
        });
        dataProtection.UnprotectKeysWithAnyCertificate(decryptingWith);
        services.AddHostedService<StoredKeyEncryption>();
        return services;
    }

    /// <summary>The configured certificate; else, on SQLite, the one beside the database file; else (PostgreSQL unconfigured) none.</summary>
    private static KeyEncryptionCertificate? CertificateFile(KeyEncryptionOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.GetFullPath(options.CertificatePath, environment.ContentRootPath);
            if (!File.Exists(path))
                throw new StartupException($"DataProtection:CertificatePath (DataProtection__CertificatePath) names {path}, which does not exist.");
            return new KeyEncryptionCertificate(path, options.CertificatePassword, createIfMissing: false);
        }
        if (Database.Provider(configuration) != DatabaseProvider.Sqlite) return null;
        var configured = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? SqliteConnectionStrings.Default);
        var file = new SqliteConnectionStringBuilder(SqliteConnectionStrings.Resolve(configuration, environment)).DataSource;
        if (configured.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(file) || file == ":memory:" || Path.GetDirectoryName(file) is not { Length: > 0 } folder) return null;
        if (!Directory.Exists(folder))
        {
            // As start-up does for the database: the default folder under the content root is made on the first
            // start; a configured one must exist (a missing volume must not become a new empty site).
            if (Path.IsPathRooted(configured.DataSource))
                throw new StartupException($"The data folder {folder} does not exist. Create it, or mount the volume that holds the database, and start again (ConnectionStrings__Default names {file}).");
            Directory.CreateDirectory(folder);
        }
        var certificateFile = Path.Combine(folder, DefaultFileName);
        // A database restored without its certificate: a new one would read none of its keys, and the keys it made
        // beside them would fail the right certificate when it is put back. Stop, and say what to do.
        if (!File.Exists(certificateFile) && HoldsEncryptedKeys(file))
            throw new StartupException($"the database {file} holds keys encrypted with the certificate {certificateFile}, which is missing " +
                $"(a backup restored without it?). Put back the {DefaultFileName} kept apart from the backups, and start again. " +
                "If it is lost for good, `dotnet Khilafat.Web.dll forget-keys` lets the site start with new keys: everyone must sign in again, " +
                "links in emails already sent stop working, and two-factor sign-in is turned off for every account (README, \"What a backup contains\").");
        return new KeyEncryptionCertificate(certificateFile, null, createIfMissing: true);
    }

    /// <summary>Whether the SQLite file holds Data Protection keys encrypted with a certificate (read only when there is no certificate file).</summary>
    internal static bool HoldsEncryptedKeys(string databaseFile)
    {
        if (!File.Exists(databaseFile)) return false;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT EXISTS (SELECT 1 FROM "DataProtectionKeys" WHERE "Xml" LIKE '%<encryptedSecret%')""";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            // No such table yet (a database an older build began), or not a database: start-up says so in its turn.
            return false;
        }
    }
}

/// <summary>
/// The certificate that encrypts the Data Protection keys. A default one is made if missing: a self-signed RSA
/// certificate in a file only the site's user may read.
/// </summary>
public sealed class KeyEncryptionCertificate
{
    private readonly Task<X509Certificate2> _certificate;
    private readonly TaskCompletionSource<bool> _made = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public KeyEncryptionCertificate(string path, string? password, bool createIfMissing)
    {
        Path = path;
        // An existing file is read now, so that a wrong password stops start-up here. A new one is made on a thread
        // of its own: its 3072-bit RSA key took 0.3 to 1.8 s here (the search for its primes varies), and the whole
        // first start waited for it. Now the host is built and the database migrates meanwhile; Data Protection
        // waits for it when it makes its key manager (see AddSiteDataProtection).
        if (createIfMissing && !File.Exists(path))
            _certificate = Task.Run(() => { _made.TrySetResult(TryCreate(path)); return Load(path, password); });
        else
        {
            _made.SetResult(false);
            _certificate = Task.FromResult(Load(path, password));
        }
    }

    public string Path { get; }

    /// <summary>Whether this start made the file (completes when it is written, or found made by another process).</summary>
    public Task<bool> Made => _made.Task;

    /// <summary>The certificate; while a new one is being made, waits for it.</summary>
    public X509Certificate2 Certificate => _certificate.GetAwaiter().GetResult();

    private static X509Certificate2 Load(string path, string? password)
    {
        // The loader reports a file it may not open as a failed decryption, which points at the password.
        try
        {
            File.OpenRead(path).Dispose();
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupException($"The Data Protection certificate {path} cannot be opened by the site's user ({Environment.UserName}): " +
                "make it readable by that user (in the container image, UID 1654: chown 1654 the file).");
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new StartupException($"The Data Protection certificate {path} cannot be read (a wrong DataProtection__CertificatePassword, or not a .pfx file): {e.Message}", e);
        }
    }

    private static bool TryCreate(string path)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Khilafat.Web Data Protection key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var pfx = certificate.Export(X509ContentType.Pkcs12);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, create);
            stream.Write(pfx);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            return false;
        }
    }
}

/// <summary>
/// At start, encrypts keys stored before there was a certificate (they stay valid, so cookies, links and the
/// site's own secret protected by them keep working), so that no key is left in the database in plain text.
/// </summary>
public sealed class StoredKeyEncryption(IServiceScopeFactory scopes, KeyEncryptionCertificate certificate, ILoggerFactory logs, ILogger<StoredKeyEncryption> logger) : IHostedService
{
    private static readonly XName RequiresEncryption = XNamespace.Get("http://schemas.asp.net/2015/03/dataProtection") + "requiresEncryption";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Not waited for: a first start makes it on a thread of its own, and need not wait for it here.
        _ = certificate.Made.ContinueWith(made =>
        {
            if (made.Result) logger.LogWarning("Made {Path}, the certificate that encrypts the site's keys in the database. Copy it once to a safe place apart from "
                + "the backups: a database restored without it cannot read its keys (README, \"What a backup contains\").", certificate.Path);
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var plain = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("requiresEncryption")).ToListAsync(cancellationToken);
        if (plain.Count == 0) return;
        var encryptor = new CertificateXmlEncryptor(certificate.Certificate, logs);
        foreach (var key in plain) key.Xml = Encrypt(XElement.Parse(key.Xml!), encryptor).ToString(SaveOptions.DisableFormatting);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Encrypted {Count} Data Protection key(s) stored before keys were encrypted.", plain.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces each secret marked requiresEncryption with its encryptedSecret, as Data Protection writes new keys.</summary>
    internal static XElement Encrypt(XElement key, IXmlEncryptor encryptor)
    {
        foreach (var secret in key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement("encryptedSecret",
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
        }
        return key;
    }
}
