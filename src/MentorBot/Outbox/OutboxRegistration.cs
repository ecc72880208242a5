namespace MentorBot.Outbox;

internal static class OutboxRegistration
{
    /// <summary>The outbound queue and its worker, which runs beside Hangfire (see <see cref="OutboxDispatchWorker"/>).</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SendRateLimiter>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<OutboxDispatchGate>();
        services.AddHostedService<OutboxDispatchWorker>();
        return services;
    }
}
