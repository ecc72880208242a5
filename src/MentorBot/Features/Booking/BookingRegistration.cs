using MentorBot.Scheduling;
using MentorBot.Features.Conversations;
using MentorBot.Graph;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Booking;

internal static class BookingRegistration
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.LunchStart is null == o.LunchEnd is null, "Booking:LunchStart and Booking:LunchEnd go together: set both, or neither.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BookingOptions>, BookingCalendarValidator>();
        services.AddSingleton<BookingStore>();
        services.AddSingleton<LocalCalendar>();
        services.AddSingleton<IcsLinks>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GraphCalendarProvider>(sp));
        services.AddSingleton(ChooseCalendar);
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
        services.AddScheduledJob<BookingService>("booking-recovery", "Bookings: finish what a restart interrupted", Every.Minute, (bookings, ct) => bookings.RecoverAsync(ct));
        return services;
    }

    public static WebApplication MapBooking(this WebApplication app)
    {
        app.MapGet("/calendar/{file}", (string file, LocalCalendar calendar, Map.MapDirectory directory, TimeProvider time, CancellationToken cancellationToken) =>
            IcsEndpoint.HandleAsync(file, calendar, directory, time, cancellationToken));
        return app;
    }

    /// <summary>Microsoft Graph when asked for (or, on Auto, when Graph is configured); otherwise the local calendar.</summary>
    private static ICalendarProvider ChooseCalendar(IServiceProvider services)
    {
        var choice = services.GetRequiredService<IOptions<BookingOptions>>().Value.Calendar;
        var graph = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        var useGraph = choice == CalendarChoice.Graph || (choice == CalendarChoice.Auto && graph.IsConfigured);
        ICalendarProvider calendar = useGraph ? services.GetRequiredService<GraphCalendarProvider>() : services.GetRequiredService<LocalCalendar>();
        CalendarLog.Chosen(services.GetRequiredService<ILoggerFactory>().CreateLogger("MentorBot.Booking"), calendar.Name, choice.ToString());
        return calendar;
    }
}

internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 7520, Level = LogLevel.Information, Message = "Booking uses {Calendar} (Booking:Calendar is {Choice}).")]
    public static partial void Chosen(ILogger logger, string calendar, string choice);
}

/// <summary>Booking:Calendar = Graph needs the Graph section; say so at start rather than on the first booking.</summary>
internal sealed class BookingCalendarValidator(IOptions<GraphOptions> graph) : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions options) =>
        options.Calendar == CalendarChoice.Graph && !graph.Value.IsConfigured
            ? ValidateOptionsResult.Fail("Booking:Calendar is Graph, but Graph is not configured. Set Graph:TenantId, Graph:ClientId and a secret, certificate or managed identity (see docs/DEPLOY.md), or use Booking:Calendar=Local.")
            : ValidateOptionsResult.Success;
}
