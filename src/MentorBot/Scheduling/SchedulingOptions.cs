using System.ComponentModel.DataAnnotations;
using MentorBot.Teams;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>The <c>Scheduling</c> section: Hangfire, which runs every recurring job, and its dashboard.</summary>
internal sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>
    /// Whether this instance runs Hangfire's server. Several instances on one PostgreSQL may: each occurrence of each job
    /// runs once. Off, the instance still registers the jobs and serves the dashboard.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Jobs this instance runs at once. The jobs are short; two keep a long one from holding up the rest.</summary>
    [Range(1, 20)]
    public int Workers { get; set; } = 2;

    /// <summary>
    /// How often an idle worker looks for a job: 5 s on SQLite, 15 s on PostgreSQL, which also wakes a worker as soon
    /// as a job is queued (LISTEN/NOTIFY). Each look is a query, and an idle container pays for every one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan? QueuePollInterval { get; set; }

    /// <summary>How often the server looks for recurring jobs and retries that have come due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a job taken by an instance that stopped answering stays invisible before another instance takes it. On
    /// PostgreSQL a running job keeps renewing it, so only a dead instance's jobs wait this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The dashboard at <c>/hangfire</c>: <c>Local</c> (requests from this machine only; the Development default),
    /// <c>Entra</c> (programme admins from the map, signed in with Entra ID) or <c>Off</c> (the default elsewhere).
    /// </summary>
    public JobDashboardAccess? Dashboard { get; set; }

    public JobDashboardAccess DashboardFor(IHostEnvironment environment) =>
        Dashboard ?? (environment.IsDevelopment() ? JobDashboardAccess.Local : JobDashboardAccess.Off);
}

internal enum JobDashboardAccess
{
    Off,
    Local,
    Entra,
}

/// <summary>The Entra dashboard signs people in with the bot's app registration, so it needs its id and tenant.</summary>
internal sealed class SchedulingOptionsValidator(IOptions<BotOptions> bot, IHostEnvironment environment) : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options) =>
        options.DashboardFor(environment) == JobDashboardAccess.Entra && (!bot.Value.HasAppId || string.IsNullOrWhiteSpace(bot.Value.TenantId))
            ? ValidateOptionsResult.Fail("Scheduling:Dashboard=Entra signs admins in with the bot's app registration: set Bot:AppId and Bot:TenantId (and Bot:ClientSecret for the code flow), or set Scheduling:Dashboard to Off.")
            : ValidateOptionsResult.Success;
}
