using Khilafat.Web.Startup;

PrivateFiles.ForThisProcess();
switch (args)
{
    case ["healthcheck", ..]:
        return await HealthCheckCommand.RunAsync();
    case ["backup", var file, .. var rest]:
        return await BackupCommand.RunAsync(file, rest);
    case ["backup", ..]:
        Console.Error.WriteLine("usage: Khilafat.Web backup <file>");
        return 2;
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddSite();
}
catch (StartupException e)
{
    // A setting that cannot work (there is no logger yet): say which, without a stack trace.
    Console.Error.WriteLine($"The site cannot start: {e.Message}");
    return 1;
}

var app = builder.Build();
try
{
    await app.InitializeAsync();
    app.ConnectRedis();
}
catch (StartupException)
{
    // Already logged with what to do about it; disposing the app flushes the console logger's queue, so the message is seen.
    await app.DisposeAsync();
    return 1;
}
app.UseSite();
await app.RunAsync();
return 0;

public partial class Program;
