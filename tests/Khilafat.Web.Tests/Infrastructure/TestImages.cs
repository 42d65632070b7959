using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// Image files made in the test, as a phone or a careless exporter would: a JPEG whose metadata says where and with
/// which camera it was taken (EXIF with GPS, a body serial number and an embedded thumbnail, plus XMP), a PNG with
/// transparency, and the files an upload must refuse (a truncated JPEG, a PNG header claiming a giant image, an SVG).
/// </summary>
public static class TestImages
{
    public const string CameraSerial = "SN-4417-0921-KM";

    /// <summary>What must not survive in any stored file: the EXIF block, GPS (tag names in XMP), XMP itself, the serial.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Bytes)> MetadataMarkers =
    [
        ("EXIF block", "Exif\0\0"u8.ToArray()),
        ("GPS", "GPS"u8.ToArray()),
        ("XMP", "http://ns.adobe.com/xap"u8.ToArray()),
        ("camera serial", Encoding.ASCII.GetBytes(CameraSerial)),
        ("ICC profile", "ICC_PROFILE"u8.ToArray()),
    ];

    /// <summary>Where <paramref name="marker"/> first occurs in <paramref name="file"/>, or -1.</summary>
    public static int Find(byte[] file, byte[] marker) => file.AsSpan().IndexOf(marker);

    /// <summary>
    /// A JPEG, its stored pixels red on the left half and blue on the right, with EXIF (orientation, make, model, body
    /// serial, time taken, GPS position, a thumbnail in IFD1) and an XMP packet with the GPS position again.
    /// </summary>
    /// <param name="noisy">Grain over the whole picture, so the file is as large as a real photo of that size.</param>
    public static byte[] PhotoWithMetadata(int width, int height, ushort orientation = 1, bool noisy = false)
    {
        var pixels = Halves(width, height, SKColors.Red, SKColors.Blue);
        if (noisy) AddGrain(pixels);
        var photo = Encode(pixels, SKEncodedImageFormat.Jpeg);
        var thumbnail = Encode(Halves(160, 120, SKColors.Red, SKColors.Blue), SKEncodedImageFormat.Jpeg);
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation, thumbnail)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"24,51.30N\" exif:GPSLongitude=\"67,0.12E\" " +
            $"exif:BodySerialNumber=\"{CameraSerial}\"/></rdf:RDF></x:xmpmeta>")]);
        // Right after the start-of-image marker, where cameras put them.
        return [.. photo.AsSpan(0, 2), .. exif, .. xmp, .. photo.AsSpan(2)];
    }

    /// <summary>A PNG whose left half is fully transparent and right half opaque green.</summary>
    public static byte[] TransparentPng(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Green };
            canvas.DrawRect(width / 2, 0, width - width / 2, height, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A JPEG of noise (so its scan data is long), cut off halfway.</summary>
    public static byte[] TruncatedJpeg()
    {
        using var bitmap = new SKBitmap(800, 600);
        var random = new Random(7);
        var pixels = new byte[800 * 600 * 4];
        random.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        return jpeg[..(jpeg.Length / 2)];
    }

    /// <summary>A small, well-formed PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] PixelBombPng(int width = 100_000, int height = 100_000)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[64 * 1024]);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(1)</script><rect width=\"100\" height=\"100\" fill=\"red\"/></svg>");

    public static byte[] TextFile() => Encoding.UTF8.GetBytes("Minutes of the meeting: bring blankets on Friday.\n");

    /// <summary>Decodes a stored file (to look at its pixels).</summary>
    public static SKBitmap Decode(byte[] file) => SKBitmap.Decode(file) ?? throw new InvalidOperationException("The file does not decode.");

    private static void AddGrain(SKBitmap bitmap)
    {
        var random = new Random(3);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var d = random.Next(-40, 40);
                bitmap.SetPixel(x, y, new SKColor((byte)Math.Clamp(c.Red + d, 0, 255), (byte)Math.Clamp(c.Green + d, 0, 255), (byte)Math.Clamp(c.Blue + d, 0, 255)));
            }
        }
    }

    private static SKBitmap Halves(int width, int height, SKColor left, SKColor right)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Color = left };
        canvas.DrawRect(0, 0, width / 2, height, paint);
        paint.Color = right;
        canvas.DrawRect(width / 2, 0, width - width / 2, height, paint);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, 90)) return data.ToArray();
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);

    private const ushort Byte = 1, Ascii = 2, Short = 3, Long = 4, Rational = 5;

    private static Entry Text(ushort tag, string value) => new(tag, Ascii, (uint)value.Length + 1, Encoding.ASCII.GetBytes(value + "\0"));
    private static Entry Number(ushort tag, uint value) => new(tag, Long, 1, BitConverter.GetBytes(value));

    private static Entry Rationals(ushort tag, params (uint Numerator, uint Denominator)[] values) =>
        new(tag, Rational, (uint)values.Length, values.SelectMany(v => BitConverter.GetBytes(v.Numerator).Concat(BitConverter.GetBytes(v.Denominator))).ToArray());

    /// <summary>A little-endian TIFF structure as EXIF has it: IFD0 → Exif IFD and GPS IFD, then IFD1 with a JPEG thumbnail.</summary>
    private static byte[] Tiff(ushort orientation, byte[] thumbnail)
    {
        List<Entry> Ifd0(uint exif, uint gps) =>
        [
            Text(0x010F, "PhoneCo"), Text(0x0110, "Pocket 12"), new(0x0112, Short, 1, BitConverter.GetBytes(orientation)),
            Number(0x8769, exif), Number(0x8825, gps),
        ];
        List<Entry> exifIfd = [Text(0x9003, "2026:11:05 14:03:22"), Text(0xA431, CameraSerial)];
        List<Entry> gpsIfd =
        [
            new(0x0000, Byte, 4, [2, 3, 0, 0]), Text(0x0001, "N"), Rationals(0x0002, (24, 1), (51, 1), (3000, 100)),
            Text(0x0003, "E"), Rationals(0x0004, (67, 1), (0, 1), (1234, 100)),
        ];
        List<Entry> Ifd1(uint at) => [new(0x0103, Short, 1, BitConverter.GetBytes((ushort)6)), Number(0x0201, at), Number(0x0202, (uint)thumbnail.Length)];

        var ifd0At = 8;
        var exifAt = ifd0At + Size(Ifd0(0, 0));
        var gpsAt = exifAt + Size(exifIfd);
        var ifd1At = gpsAt + Size(gpsIfd);
        var thumbnailAt = ifd1At + Size(Ifd1(0));

        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("II"u8);
        writer.Write((ushort)42);
        writer.Write((uint)ifd0At);
        WriteIfd(writer, Ifd0((uint)exifAt, (uint)gpsAt), (uint)ifd1At);
        WriteIfd(writer, exifIfd, 0);
        WriteIfd(writer, gpsIfd, 0);
        WriteIfd(writer, Ifd1((uint)thumbnailAt), 0);
        writer.Write(thumbnail);
        return stream.ToArray();
    }

    private static int Size(List<Entry> entries) => 2 + entries.Count * 12 + 4 + entries.Sum(e => e.Value.Length > 4 ? e.Value.Length + e.Value.Length % 2 : 0);

    private static void WriteIfd(BinaryWriter writer, List<Entry> entries, uint next)
    {
        var start = (int)writer.BaseStream.Position;
        var dataAt = start + 2 + entries.Count * 12 + 4;
        var data = new List<byte>();
        writer.Write((ushort)entries.Count);
        foreach (var entry in entries.OrderBy(e => e.Tag))
        {
            writer.Write(entry.Tag);
            writer.Write(entry.Type);
            writer.Write(entry.Count);
            if (entry.Value.Length <= 4)
            {
                var inline = new byte[4];
                entry.Value.CopyTo(inline, 0);
                writer.Write(inline);
            }
            else
            {
                writer.Write((uint)(dataAt + data.Count));
                data.AddRange(entry.Value);
                if (data.Count % 2 == 1) data.Add(0);
            }
        }
        writer.Write(next);
        writer.Write(data.ToArray());
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var result = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(result, data.Length);
        typeBytes.CopyTo(result, 4);
        data.CopyTo(result, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return result;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
