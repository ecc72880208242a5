using System.Net;
using MentorBot.Graph;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace MentorBot.Features.Map.Sync;

/// <summary>
/// The directory through the Graph SDK for <c>map sync</c>: users with their managers (User.Read.All), mailbox settings
/// (MailboxSettings.Read) and the Teams app installation (TeamsAppInstallation.ReadWriteSelfForUser.All).
/// </summary>
internal sealed class DirectoryReader(GraphClient graph, IOptions<GraphOptions> options)
{
    /// <summary>Enabled users with their manager's id, every page (<c>PageIterator</c>); <paramref name="read"/> hears the count every 500.</summary>
    public Task<List<DirectoryUser>> ListUsersAsync(Action<int>? read, CancellationToken cancellationToken) =>
        graph.CallAsync(null, "list users", cancellationToken, async client =>
        {
            var filter = string.IsNullOrWhiteSpace(options.Value.UserFilter) ? null : options.Value.UserFilter;
            var first = await client.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "department", "jobTitle", "accountEnabled"];
                    r.QueryParameters.Expand = ["manager($select=id)"];
                    r.QueryParameters.Top = 999;
                    (r.QueryParameters.Filter, r.QueryParameters.Count) = (filter, filter is null ? null : true);
                    Eventual(r.Headers, filter);
                },
                cancellationToken);
            var users = new List<DirectoryUser>();
            var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
            {
                if (user is { Id: { } id, AccountEnabled: not false })
                {
                    users.Add(new(id, user.DisplayName ?? user.UserPrincipalName ?? id, user.Mail ?? user.UserPrincipalName, user.Department, user.JobTitle, user.Manager?.Id));
                    if (users.Count % 500 == 0)
                    {
                        read?.Invoke(users.Count);
                    }
                }

                return true;
            }, next =>
            {
                Eventual(next.Headers, filter);
                return next;
            });
            await pages.IterateAsync(cancellationToken);
            return users;
        });

    /// <summary>A user's time zone (IANA) and working hours; null when the mailbox cannot be read (404, 403).</summary>
    public async Task<MailboxHours?> GetMailboxHoursAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await graph.CallAsync(userId, "read mailbox settings", cancellationToken, client => client.Users[userId].MailboxSettings.GetAsync(cancellationToken: cancellationToken));
            return MailboxHours.From(settings?.WorkingHours, settings?.TimeZone);
        }
        catch (GraphRequestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>Installs the Teams app for a person so MentorBot can message them first; already installed (409) counts as done.</summary>
    public async Task<bool> InstallAppAsync(string userId, string catalogAppId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation();
        installation.AdditionalData["teamsApp@odata.bind"] = new Uri(options.Value.BaseUrl, $"appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}").ToString();
        try
        {
            await graph.CallAsync(userId, "install the app", cancellationToken, client => client.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken));
            return true;
        }
        catch (GraphRequestException e)
        {
            return e.Status == HttpStatusCode.Conflict;
        }
    }

    /// <summary>A filtered /users query is an advanced query: every page needs ConsistencyLevel: eventual.</summary>
    private static void Eventual(RequestHeaders headers, string? filter)
    {
        if (filter is not null)
        {
            headers.TryAdd("ConsistencyLevel", "eventual");
        }
    }
}

/// <summary>A directory user as MentorBot needs it: identity, manager, department.</summary>
internal sealed record DirectoryUser(string Id, string DisplayName, string? Mail, string? Department, string? JobTitle, string? ManagerId);
