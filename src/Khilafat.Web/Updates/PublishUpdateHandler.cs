using System.Globalization;
using Khilafat.Web.Jobs;

namespace Khilafat.Web.Updates;

/// <summary>Runs <see cref="JobKinds.PublishUpdate"/>: publishes the update whose id is the key when its time has come.</summary>
public sealed class PublishUpdateHandler(UpdateEditor updates, ILogger<PublishUpdateHandler> logger) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            logger.LogError("A publish job has the key \"{Key}\", which is not an update's id; it is dropped.", key);
            return JobOutcome.Done;
        }
        if (await updates.PublishScheduledAsync(id, ct)) logger.LogInformation("Update {Id} is published, as scheduled.", id);
        return JobOutcome.Done;
    }
}
