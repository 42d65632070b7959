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
    case ["forget-keys", .. var rest]:
        return await ForgetKeysCommand.RunAsync(rest);
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
// The database's start-up (building EF's model, migrating, seeding) runs on another core while this one builds the
// request pipeline and its endpoints, which need no database: a quicker start. Nothing is served before both are done.
var initializing = Task.Run(() => app.InitializeAsync());
app.UseSite();
try
{
    await initializing;
    app.ConnectRedis();
}
catch (StartupException)
{
    // Already logged with what to do about it; disposing the app flushes the console logger's queue, so the message is seen.
    await app.DisposeAsync();
    return 1;
}
await app.RunAsync();
return 0;

public partial class Program;
