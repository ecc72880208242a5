using MentorBot.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace MentorBot.Hosting;

/// <summary>Set once the database is migrated; the health check also requires a running scheduler.</summary>
internal sealed class ReadinessState
{
    private volatile bool _migrated;

    public bool Migrated => _migrated;

    public void MarkMigrated() => _migrated = true;
}

/// <summary><c>/healthz</c> is green once the database is migrated and reachable and Quartz is running.</summary>
internal sealed class ReadinessHealthCheck(ReadinessState state, ISchedulerFactory schedulers, Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Migrated)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated yet.");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (scheduler.Status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"The scheduler is {scheduler.Status}.");
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", ex);
        }

        return HealthCheckResult.Healthy("Database migrated, scheduler running.");
    }
}

/// <summary>Applies migrations before anything else starts; the host does not start on a database it cannot migrate.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner, ReadinessState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runner.ApplyAsync(cancellationToken);
        state.MarkMigrated();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
