using MentorBot.Scheduling;

namespace MentorBot.Tests.Hosting;

public sealed class SchedulerDatabaseTests
{
    [Theory]
    [InlineData("Data Source=data/mentorbot.db", "Data Source=data/mentorbot.scheduler.db")]
    [InlineData("Data Source=/srv/mb", "Data Source=/srv/mb.scheduler.db")]
    [InlineData("Data Source=mentorbot.sqlite;Cache=Shared", "Data Source=mentorbot.scheduler.sqlite;Cache=Shared")]
    public void Quartz_keeps_its_triggers_in_a_file_next_to_mentorbots(string mentorBot, string scheduler) =>
        Assert.Equal(scheduler, SchedulerDatabase.SqliteConnectionString(mentorBot));

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file:mentorbot.db?mode=rwc")]
    public void Memory_and_uri_databases_are_shared_as_they_are(string connectionString) =>
        Assert.Equal(connectionString, SchedulerDatabase.SqliteConnectionString(connectionString));
}
