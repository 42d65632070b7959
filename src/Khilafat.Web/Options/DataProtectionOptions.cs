namespace Khilafat.Web.Options;

/// <summary>
/// How the ASP.NET Core Data Protection keys (which sign the sign-in cookies, anti-forgery and password-link tokens,
/// and protect the key that hashes visitors' IP addresses) are encrypted where they are stored, in the database.
/// Section "DataProtection".
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A PKCS#12 (.pfx) file holding the certificate and private key that encrypt the keys. Default: none, and on
    /// SQLite the site makes one on its first start, <c>keys-encryption.pfx</c> beside the database file (0600), so
    /// that a backup of the database alone cannot be read without it. On PostgreSQL set it, the same file on every
    /// instance; without it the keys are stored unencrypted, and a warning says so at start-up.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password, if it has one. A secret: environment only.</summary>
    public string? CertificatePassword { get; set; }
}
