using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using MentorBot.Hosting.Access;
using MentorBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>
/// Hangfire runs every recurring job the features declare (<see cref="ScheduledJob"/>), with its state kept across
/// restarts: on PostgreSQL in MentorBot's database, schema <c>hangfire</c>, shared by every instance; on SQLite in a file
/// next to MentorBot's (<see cref="JobsFile"/>).
/// </summary>
internal static class SchedulingRegistration
{
    public const string PostgresSchema = "hangfire";

    public static IHostApplicationBuilder AddMentorBotScheduling(this IHostApplicationBuilder builder, StorageOptions storage)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        if (options.DashboardFor(builder.Environment) == JobDashboardAccess.Entra)
        {
            services.AddEntraSignIn(builder.Configuration.GetSection(Teams.BotOptions.SectionName).Get<Teams.BotOptions>() ?? new Teams.BotOptions());
        }

        services.AddSingleton<ScheduledJobs>();
        services.AddScoped<ScheduledJobRunner>();

        // This host's own storage and activator, registered before AddHangfire: its defaults are process-wide statics,
        // which several hosts in one process (the tests) would share.
        services.AddSingleton(sp => CreateStorage(storage, sp.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<ScheduledJobRegistrar>();
        if (options.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var current = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
                server.WorkerCount = current.Workers;
                server.SchedulePollingInterval = current.SchedulePollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                server.ShutdownTimeout = TimeSpan.FromSeconds(20);
            });
        }

        return builder;
    }

    /// <summary>Where Hangfire keeps its state on SQLite: <c>mentorbot.db</c> → <c>mentorbot.jobs.db</c>.</summary>
    public static string JobsFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Storage:ConnectionString must name a SQLite file (Data Source=path/mentorbot.db): the scheduler keeps its state in a file beside it.");
        }

        var extension = Path.GetExtension(source);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source)) ?? string.Empty, Path.GetFileNameWithoutExtension(source) + ".jobs" + (extension.Length > 0 ? extension : ".db"));
    }

    internal static JobStorage CreateStorage(StorageOptions storage, SchedulingOptions options)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            var postgres = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval ?? TimeSpan.FromSeconds(15),
                EnableLongPolling = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
                AllowUnsafeValues = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, postgres), postgres);
        }

        // A file of its own: Hangfire writes on every state change through its own connections, which in MentorBot's
        // file would compete with check-ins for SQLite's one write lock. It holds no personal data.
        var file = JobsFile(storage.ConnectionString);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        return new SQLiteStorage(file, new SQLiteStorageOptions
        {
            QueuePollInterval = options.QueuePollInterval ?? TimeSpan.FromSeconds(5),
            InvisibilityTimeout = options.InvisibilityTimeout,
        });
    }
}
