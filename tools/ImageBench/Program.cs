// scripts/imagebench.sh's helper.
//   ImageBench generate <file> [width] [height]   writes a photo-like JPEG (default 4000 × 3000, 12 megapixels)
//   ImageBench process <file> [runs]               times ImageProcessor.Process on it, and the process's memory growth
using System.Diagnostics;
using Khilafat.Web.Media;
using Khilafat.Web.Options;
using SkiaSharp;

switch (args.FirstOrDefault())
{
    case "generate":
        File.WriteAllBytes(args[1], Photo(args.Length > 2 ? int.Parse(args[2]) : 4000, args.Length > 3 ? int.Parse(args[3]) : 3000));
        Console.WriteLine($"{args[1]}: {new FileInfo(args[1]).Length / 1024} KB");
        return 0;
    case "process":
        return Process(File.ReadAllBytes(args[1]), args.Length > 2 ? int.Parse(args[2]) : 3);
    default:
        Console.Error.WriteLine("usage: ImageBench generate <file> [width] [height] | process <file> [runs]");
        return 2;
}

static int Process(byte[] photo, int runs)
{
    var processor = new ImageProcessor(Microsoft.Extensions.Options.Options.Create(new MediaOptions()));
    // Warmed up on a small photo: the code is compiled, and the heap has not yet seen a large one.
    if (processor.Process(Photo(800, 600)) is not ImageProcessing.Processed) throw new InvalidOperationException("The warm-up photo was refused.");
    var times = new List<double>();
    var growths = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = RssKb();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, RssKb());
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var result = processor.Process(photo);
        clock.Stop();
        stop.Cancel();
        sampler.Join();
        peak = Math.Max(peak, RssKb());
        if (result is not ImageProcessing.Processed processed) throw new InvalidOperationException($"Refused: {((ImageProcessing.Refused)result).Message}");
        times.Add(clock.Elapsed.TotalMilliseconds);
        growths.Add((peak - before) / 1024.0);
        Console.WriteLine($"run {run + 1}: {clock.Elapsed.TotalMilliseconds:0} ms, RSS {before / 1024.0:0} MB -> peak {peak / 1024.0:0} MB (+{(peak - before) / 1024.0:0} MB), " +
            $"{processed.Variants.Count} files, {processed.Variants.Sum(v => v.Bytes.Length) / 1024} KB");
    }
    times.Sort();
    Console.WriteLine($"processing: median {times[times.Count / 2]:0} ms of {runs} runs; memory growth: at most {growths.Max():0} MB");
    return 0;
}

static long RssKb()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
    return 0;
}

// Gradients, shapes and grain, so the JPEG is as large and as costly to decode as a phone's photo of that size.
static byte[] Photo(int width, int height)
{
    using var bitmap = new SKBitmap(width, height);
    using (var canvas = new SKCanvas(bitmap))
    {
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(0x6a, 0x9f, 0xd8), new SKColor(0xe8, 0xd9, 0xb0)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, width, height, sky);
        var random = new Random(21);
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 400; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(80, 256));
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, width / 12), paint);
        }
    }
    var pixels = bitmap.GetPixelSpan();
    var grain = new Random(5);
    var noise = new byte[pixels.Length];
    grain.NextBytes(noise);
    var writable = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(pixels), pixels.Length);
    for (var i = 0; i < writable.Length; i++)
    {
        if (i % 4 != 3) writable[i] = (byte)Math.Clamp(writable[i] + (noise[i] % 25) - 12, 0, 255);
    }
    using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
    return data.ToArray();
}
