using Khilafat.Web.Jobs;
using Khilafat.Web.Options;

namespace Khilafat.Web.Events;

public static class EventSetup
{
    /// <summary>Events: their editor, readers' view, RSVPs and emails, and the jobs that remind, tell of changes and erase attendees.</summary>
    public static IServiceCollection AddSiteEvents(this IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EventEditor>();
        services.AddScoped<EventReader>();
        services.AddScoped<RsvpService>();
        services.AddScoped<EventEmails>();
        services.AddScoped<EventAdministration>();
        services.AddKeyedScoped<IJobHandler, EventReminderHandler>(JobKinds.EventReminder);
        services.AddKeyedScoped<IJobHandler, EventNoticeHandler>(JobKinds.EventNotice);
        services.AddKeyedScoped<IJobHandler, EraseAttendeesHandler>(JobKinds.EraseAttendees);
        services.AddKeyedScoped<IJobHandler, EventStartsHandler>(JobKinds.EventStarts);
        return services;
    }
}
