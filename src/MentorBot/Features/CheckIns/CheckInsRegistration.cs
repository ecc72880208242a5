using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.CheckIns;

internal static class CheckInsRegistration
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CheckInStore>();
        services.AddScoped<CheckInService>();
        services.AddScoped<IOutboxRenderer, MenteeCheckInRenderer>();
        services.AddScoped<IOutboxRenderer, CheckInPromptRenderer>();
        services.AddScoped<IOutboxRenderer, CheckInReminderRenderer>();
        services.AddScoped<CheckInScheduler>();
        services.AddTextCommand<CheckInCommand>();
        services.AddTextCommand<MyCheckInsCommand>();
        services.AddCardAction<CheckInSubmitAction>();
        services.AddCardAction<CheckInEditAction>();
        services.AddCardAction<CheckInSkipAction>();
        services.AddSingleton<MentorReplyStore>();
        services.AddScoped<MentorReplyService>();
        services.AddCardAction<CheckInReplyAction>();
        services.AddScoped<IOutboxRenderer, MentorReplyRenderer>();
        services.AddTextCommand<PauseCommand>();
        services.AddTextCommand<ResumeCommand>();
        services.AddMapJob<CheckInScheduler>("checkins", "Check-ins: open what is due and send reminders", Every.Minute, (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
