// Serves one file's bytes from memory at /statement with a minimal endpoint: what scripts/bench.sh compares the site against.
//   dotnet BareStatement.dll --body statement.html --urls http://127.0.0.1:5302
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var body = await File.ReadAllBytesAsync(builder.Configuration["body"] ?? throw new ArgumentException("usage: BareStatement --body <file> --urls <url>"));

var app = builder.Build();
app.MapGet("/statement", () => Results.Bytes(body, "text/html; charset=utf-8"));
app.Run();
