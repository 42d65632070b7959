using Khilafat.Web.Accounts;
using Khilafat.Web.Startup;

if (args is ["healthcheck", ..]) return await HealthCheckCommand.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.AddSite();

var app = builder.Build();
await app.InitializeDatabaseAsync();
await app.InitializeAccountsAsync();
app.UseSite();
await app.RunAsync();
return 0;

public partial class Program;
