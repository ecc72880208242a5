using MentorBot.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorBot.Hosting;

/// <summary>Set once the database is migrated, and once the recurring jobs are registered with Hangfire.</summary>
internal sealed class ReadinessState
{
    private volatile bool _migrated;
    private volatile bool _jobsRegistered;

    public bool Migrated => _migrated;

    public bool JobsRegistered => _jobsRegistered;

    public void MarkMigrated() => _migrated = true;

    public void MarkJobsRegistered() => _jobsRegistered = true;
}

/// <summary>
/// <c>/healthz</c> is green once the database is migrated and reachable and the recurring jobs are registered in
/// Hangfire's storage.
/// </summary>
internal sealed class ReadinessHealthCheck(ReadinessState state, Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Migrated)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated yet.");
        }

        if (!state.JobsRegistered)
        {
            return HealthCheckResult.Unhealthy("The recurring jobs are not registered with Hangfire yet.");
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

        return HealthCheckResult.Healthy("Database migrated, recurring jobs registered.");
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
