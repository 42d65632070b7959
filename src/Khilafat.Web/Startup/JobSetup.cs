using Khilafat.Web.Jobs;
using Khilafat.Web.Options;

namespace Khilafat.Web.Startup;

public static class JobSetup
{
    /// <summary>The job queue and its runner; each kind's handler is registered with its feature (AddKeyedScoped&lt;IJobHandler, T&gt;(kind)).</summary>
    public static IServiceCollection AddSiteJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.ClaimTimeout > TimeSpan.FromSeconds(10),
                "Jobs:PollInterval must be positive and Jobs:ClaimTimeout longer than 10 seconds.")
            .ValidateOnStart();
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobQueue>();
        services.AddScoped<JobAdministration>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
