using System.Diagnostics;
using MentorBot.Hosting.Telemetry;

namespace MentorBot.Tests.Hosting;

public sealed class TelemetryRedactionTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1Xk9Qw-personal-20/activities", "https://smba.trafficmanager.net/amer/v3/conversations/{id}/activities")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1Xk9/activities/1732637200123", "https://smba.trafficmanager.net/amer/v3/conversations/{id}/activities/{id}")]
    [InlineData("https://graph.microsoft.com/v1.0/users/00000000-0000-0000-0000-000000000020/calendar/getSchedule", "https://graph.microsoft.com/v1.0/users/{id}/calendar/getSchedule")]
    [InlineData("https://graph.microsoft.com/v1.0/users/megan.bowen@example.org/mailboxSettings?$select=timeZone", "https://graph.microsoft.com/v1.0/users/{id}/mailboxSettings")]
    public void Outbound_urls_are_traced_without_their_ids_or_query(string url, string traced)
    {
        using var activity = new Activity("test");
        activity.SetTag("url.full", url);

        TelemetryRegistration.Redact(activity, new Uri(url));

        Assert.Equal(traced, activity.GetTagItem("url.full"));
    }
}
