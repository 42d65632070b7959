// Serves one file's bytes from memory at /statement with a minimal endpoint: what scripts/bench.sh compares the site against.
// With --encoded and --encoding, a request whose Accept-Encoding names that encoding gets those bytes instead (the
// site's own compressed answer, saved by the bench), so the comparison with a browser's header is byte for byte too.
//   dotnet BareStatement.dll --body statement.html [--encoded statement.br --encoding br] --urls http://127.0.0.1:5302
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var body = await File.ReadAllBytesAsync(builder.Configuration["body"] ?? throw new ArgumentException("usage: BareStatement --body <file> [--encoded <file> --encoding <name>] --urls <url>"));
var encoding = builder.Configuration["encoding"];
var encoded = builder.Configuration["encoded"] is { } encodedFile ? await File.ReadAllBytesAsync(encodedFile) : null;

var app = builder.Build();
app.MapGet("/statement", (HttpContext context) =>
{
    if (encoded is null || encoding is null) return Results.Bytes(body, "text/html; charset=utf-8");
    context.Response.Headers.Vary = "Accept-Encoding";
    // A plain substring test, as cheap as a yardstick should be: the bench sends either no header or a browser's.
    if (!context.Request.Headers.AcceptEncoding.ToString().Contains(encoding, StringComparison.OrdinalIgnoreCase)) return Results.Bytes(body, "text/html; charset=utf-8");
    context.Response.Headers.ContentEncoding = encoding;
    return Results.Bytes(encoded, "text/html; charset=utf-8");
});
app.Run();
