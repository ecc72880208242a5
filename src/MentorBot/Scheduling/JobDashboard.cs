using Hangfire;
using Hangfire.Dashboard;
using MentorBot.Hosting.Access;
using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c>: every recurring job under its name, its next run, its failures and
/// retries. <see cref="JobDashboardAccess.Local"/> serves requests from this machine only;
/// <see cref="JobDashboardAccess.Entra"/> serves programme admins signed in with Entra ID.
/// </summary>
internal static class JobDashboard
{
    public const string Path = "/hangfire";

    public static WebApplication MapJobDashboard(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.DashboardFor(app.Environment);
        if (access == JobDashboardAccess.Off)
        {
            return app;
        }

        var jobs = app.Services.GetRequiredService<ScheduledJobs>();
        var options = new DashboardOptions
        {
            DashboardTitle = "MentorBot jobs",
            AppPath = null,
            DisplayStorageConnectionString = false,
            DisplayNameFunc = (_, job) => job.Args is [string id, ..] && jobs.Find(id) is { } known ? known.Name : job.ToString(),
            Authorization = access == JobDashboardAccess.Local ? [new LocalRequestsOnlyAuthorizationFilter()] : [],
        };
        var endpoint = app.MapHangfireDashboard(Path, options);
        if (access == JobDashboardAccess.Entra)
        {
            endpoint.RequireAuthorization(EntraSignIn.ProgrammeAdminPolicy);
        }

        return app;
    }
}
