using System.Globalization;
using Khilafat.Web.Jobs;

namespace Khilafat.Web.Updates;

/// <summary>
/// Runs <see cref="JobKinds.PublishUpdate"/>: publishes the update whose id is the key when its time has come, and emails
/// it to the list then when its editor asked for that.
/// </summary>
public sealed class PublishUpdateHandler(UpdateEditor updates, UpdateSends sends, ILogger<PublishUpdateHandler> logger) : IJobHandler
{
    public async Task<JobOutcome> RunAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            logger.LogError("A publish job has the key \"{Key}\", which is not an update's id; it is dropped.", key);
            return JobOutcome.Done;
        }
        if (await updates.PublishScheduledAsync(id, ct)) logger.LogInformation("Update {Id} is published, as scheduled.", id);
        // Asked for with the schedule: emailed to every confirmed subscriber, as the send page's "Everyone" does. Checked
        // on every run, so a run repeated after a crash between the publishing and the send starts it; a send already
        // started (by this job or by hand) is never started twice.
        if (await updates.EmailOnPublishDueAsync(id, ct) is { } by)
        {
            var (result, sendId) = await sends.StartAsync(id, SendAudience.Everyone, new Audit.Actor(null, by), ct);
            if (result is SendStartResult.Started) logger.LogInformation("Update {Id} is being emailed to the list (send {SendId}), as scheduled.", id, sendId);
            if (result is SendStartResult.Started or SendStartResult.SentBefore or SendStartResult.AlreadyStarted) await updates.EmailOnPublishDoneAsync(id, ct);
        }
        return JobOutcome.Done;
    }
}
