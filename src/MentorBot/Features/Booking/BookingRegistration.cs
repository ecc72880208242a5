using MentorBot.Features.Conversations;
using MentorBot.Graph;
using MentorBot.Scheduling;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

internal static class BookingRegistration
{
    public static IServiceCollection AddBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.LunchStart is null == o.LunchEnd is null, "Booking:LunchStart and Booking:LunchEnd go together: set both, or neither.")
            .ValidateOnStart();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<LocalCalendar>();
        services.AddSingleton<IcsLinks>();
        services.AddSingleton(sp => ChooseCalendar(sp, configuration));
        services.AddScoped<BookingService>();
        services.AddSingleton<InvokeBudget>();
        services.AddScoped<BookingActionRunner>();
        services.AddTextCommand<BookCommand>();
        services.AddCardAction<BookingProposeAction>();
        services.AddCardAction<BookingPickAction>();
        services.AddCardAction<BookingRescheduleAction>();
        services.AddCardAction<BookingMoveAction>();
        services.AddCardAction<BookingCancelAction>();
        services.AddCardAction<BookingStatusAction>();
        services.AddScoped<IOutboxRenderer, BookingUpdateRenderer>();
        services.AddHostedService<DemoCalendarSeeder>();
        return services;
    }

    public static WebApplication MapBooking(this WebApplication app)
    {
        app.MapGet("/calendar/{file}", (string file, LocalCalendar calendar, Map.MapDirectory directory, TimeProvider time, CancellationToken cancellationToken) =>
            IcsEndpoint.HandleAsync(file, calendar, directory, time, cancellationToken));
        return app;
    }

    /// <summary>Microsoft Graph when asked for (or, on Auto, when Graph is configured); otherwise the local calendar.</summary>
    private static ICalendarProvider ChooseCalendar(IServiceProvider services, IConfiguration configuration)
    {
        var choice = services.GetRequiredService<IOptions<BookingOptions>>().Value.Calendar;
        var graph = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        var useGraph = choice == CalendarChoice.Graph || (choice == CalendarChoice.Auto && graph.IsConfigured);
        _ = configuration;
        ICalendarProvider calendar = useGraph ? services.GetRequiredService<LocalCalendar>() : services.GetRequiredService<LocalCalendar>();
        CalendarLog.Chosen(services.GetRequiredService<ILoggerFactory>().CreateLogger("MentorBot.Booking"), calendar.Name, choice.ToString());
        return calendar;
    }
}

internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 7520, Level = LogLevel.Information, Message = "Booking uses {Calendar} (Booking:Calendar is {Choice}).")]
    public static partial void Chosen(ILogger logger, string calendar, string choice);
}
