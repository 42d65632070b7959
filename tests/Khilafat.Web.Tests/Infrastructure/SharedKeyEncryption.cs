using Khilafat.Web.Startup;

namespace Khilafat.Web.TestHosts;

/// <summary>
/// Compiled into both test projects (the browser tests link this file). A site on a new SQLite data folder makes its
/// key-encryption certificate on its first start, and its 3072-bit RSA key costs about 1 s of CPU: more than half of
/// a test site's start, paid again by each of the suites' two hundred or so sites. So a test process makes one, with
/// the site's own code, and copies it beside each new site's database before it starts, as a restart finds it. The
/// site making its own is tested where it is the subject (KeyEncryptionTests).
/// </summary>
internal static class SharedKeyEncryption
{
    private static readonly Lazy<string> Certificate = new(Create);

    /// <summary>Puts the shared certificate in <paramref name="dataDirectory"/> unless one is there.</summary>
    public static void CopyInto(string dataDirectory)
    {
        var target = Path.Combine(dataDirectory, KeyEncryption.DefaultFileName);
        if (!File.Exists(target)) File.Copy(Certificate.Value, target);
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "khilafat-tests-certificates");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".pfx");
        // Certificate waits for the file, which the site makes on a thread of its own.
        _ = new KeyEncryptionCertificate(path, null, createIfMissing: true).Certificate;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    }
}
