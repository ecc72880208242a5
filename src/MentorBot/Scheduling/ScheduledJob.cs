namespace MentorBot.Scheduling;

/// <summary>
/// One of the programme's recurring jobs, as the feature that owns it declares it. Hangfire runs it on
/// <see cref="Cron"/> (UTC) through <see cref="ScheduledJobRunner"/>; its only argument in Hangfire's storage is
/// <see cref="Id"/>, and the dashboard shows <see cref="Name"/>.
/// </summary>
/// <param name="Id">Stable id: the recurring job's id in Hangfire and the name of its lock.</param>
/// <param name="Name">What the job does, in words a programme admin understands.</param>
/// <param name="Cron">When it runs, a five-field cron in UTC.</param>
/// <param name="Run">The work, given the job's own service scope.</param>
internal sealed record ScheduledJob(string Id, string Name, string Cron, Func<IServiceProvider, CancellationToken, Task> Run);

/// <summary>How features declare their recurring jobs.</summary>
internal static class ScheduledJobRegistration
{
    /// <summary>A job run by <typeparamref name="TService"/>, resolved from the job's scope.</summary>
    public static IServiceCollection AddScheduledJob<TService>(this IServiceCollection services, string id, string name, string cron, Func<TService, CancellationToken, Task> run)
        where TService : notnull =>
        services.AddScheduledJob(new ScheduledJob(id, name, cron, (provider, cancellationToken) => run(provider.GetRequiredService<TService>(), cancellationToken)));

    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job) =>
        services.AddSingleton(job);
}

/// <summary>Cron expressions for the cadences MentorBot uses (UTC).</summary>
internal static class Every
{
    public const string Minute = "* * * * *";

    public static string Minutes(int minutes) => $"*/{minutes} * * * *";

    /// <summary>Every hour at <paramref name="minute"/> past.</summary>
    public static string HourAt(int minute) => $"{minute} * * * *";

    /// <summary>Whether <paramref name="cron"/> runs every minute or every few minutes (such jobs also run as an instance starts).</summary>
    public static bool IsFrequent(string cron) => cron == Minute || cron.StartsWith("*/", StringComparison.Ordinal);

    /// <summary>Every day at <paramref name="hour"/>:<paramref name="minute"/> UTC.</summary>
    public static string DayAt(int hour, int minute) => $"{minute} {hour} * * *";
}
