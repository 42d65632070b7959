using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Khilafat.Web.Options;
using Microsoft.Extensions.Options;

namespace Khilafat.Web.Media;

/// <summary>
/// Where images' files live. Files are content-addressed (<see cref="MediaFiles.NameFor"/>): a name always means the
/// same bytes, so a put of a name already there changes nothing, and any cache may keep a file for ever. The file
/// system store is the default; a shared volume or an S3-compatible store replaces it behind this interface.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="name"/>; nothing happens when the name is there already.</summary>
    Task PutAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct = default);

    /// <summary>The file to read, or null when there is none by that name.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default);

    /// <summary>Removes the file; a name not there is no error.</summary>
    Task DeleteAsync(string name, CancellationToken ct = default);
}

/// <summary>File names in the store, which are also the last part of the files' addresses (/media/{name}).</summary>
public static partial class MediaFiles
{
    public const string PathPrefix = "/media/";

    /// <summary>"{sha-256 of the bytes, 32 hex digits}.{webp|jpg|png}".</summary>
    public static string NameFor(ReadOnlySpan<byte> content, string contentType) =>
        Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "." + ExtensionFor(contentType);

    public static string ExtensionFor(string contentType) => contentType switch
    {
        "image/webp" => "webp",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not a type the media library stores."),
    };

    /// <summary>The type of a well-formed name, or null for any other (which the store is never asked for).</summary>
    public static string? ContentTypeOf(string name)
    {
        if (!NamePattern().IsMatch(name)) return null;
        return Path.GetExtension(name) switch { ".webp" => "image/webp", ".jpg" => "image/jpeg", ".png" => "image/png", _ => null };
    }

    /// <summary>The strong ETag of a file: its hash, which names its bytes.</summary>
    public static string ETagOf(string name) => "\"" + Path.GetFileNameWithoutExtension(name) + "\"";

    public static string PathOf(string name) => PathPrefix + name;

    [GeneratedRegex("^[0-9a-f]{32}\\.(webp|jpg|png)$")]
    private static partial Regex NamePattern();
}

/// <summary>The default store: a folder (Media:Directory, App_Data/media by default), one file per name.</summary>
public sealed class FileMediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment) : IMediaStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Directory is { Length: > 0 } configured
        ? Path.Combine(environment.ContentRootPath, configured)
        : Path.Combine(environment.ContentRootPath, "App_Data", "media"));

    public async Task PutAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var path = PathOf(name);
        if (File.Exists(path)) return;
        Directory.CreateDirectory(_root);
        // Written beside, then moved into place: a reader never sees half a file, and two uploads of the same bytes
        // each move a whole copy over the same name.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string name, CancellationToken ct = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    private string PathOf(string name)
    {
        // Names come from the database or the route's pattern; refuse anything else rather than trust it with a path.
        if (MediaFiles.ContentTypeOf(name) is null) throw new ArgumentException($"\"{name}\" is not a media file name.", nameof(name));
        return Path.Combine(_root, name);
    }
}
