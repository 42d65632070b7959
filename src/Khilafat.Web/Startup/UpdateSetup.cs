using Khilafat.Web.Jobs;
using Khilafat.Web.Updates;

namespace Khilafat.Web.Startup;

public static class UpdateSetup
{
    /// <summary>Updates on the site: their editor, their readers' view, and the job that publishes them at their time.</summary>
    public static IServiceCollection AddSiteUpdates(this IServiceCollection services)
    {
        services.AddScoped<UpdateEditor>();
        services.AddScoped<UpdateReader>();
        services.AddKeyedScoped<IJobHandler, PublishUpdateHandler>(JobKinds.PublishUpdate);
        return services;
    }
}
