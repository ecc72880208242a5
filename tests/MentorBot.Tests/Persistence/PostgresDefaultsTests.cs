using MentorBot.Persistence;
using Npgsql;

namespace MentorBot.Tests.Persistence;

public sealed class PostgresDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_and_pooled_connections_not_reset_by_default()
    {
        var builder = new NpgsqlConnectionStringBuilder(MentorBot.Persistence.Postgres.PostgresDatabase.WithDefaults("Host=db;Database=mentorbot;Username=mb"));

        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.True(builder.NoResetOnClose);
        Assert.Equal("db", builder.Host);
    }

    [Fact]
    public void What_the_connection_string_says_wins()
    {
        var builder = new NpgsqlConnectionStringBuilder(MentorBot.Persistence.Postgres.PostgresDatabase.WithDefaults("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, builder.MaxAutoPrepare);
        Assert.False(builder.NoResetOnClose);
    }
}
