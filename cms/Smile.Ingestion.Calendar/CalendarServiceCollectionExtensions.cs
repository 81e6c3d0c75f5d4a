using Microsoft.Extensions.DependencyInjection;

namespace Smile.Ingestion.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>The importer always (tests and tools use it); the polling service when <c>Smile:Ingestion:Calendar:Enabled</c>.</summary>
    public static IServiceCollection AddSmileCalendarIngestion(this IServiceCollection services, bool enabled)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section);
        services.AddSingleton<CalendarImporter>();
        if (enabled)
        {
            services.AddHostedService<CalendarFeedService>();
        }

        return services;
    }
}
