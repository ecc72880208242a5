using MentorBot.Features.Digest;
using MentorBot.Features.Map;

namespace MentorBot.Tests.Digest;

public sealed class DigestScopeTests
{
    private static readonly Person[] People =
    [
        Person("lena", null, "ward-a"),
        Person("mo", "lena", "ward-a"),
        Person("sam", "mo", "ward-b"),
        Person("pat", "mo", null),
        Person("yan", "other", "ward-c"),
        Person("zoe", "other", "ward-d"),
        Person("cy1", "cy2", "ward-e"),
        Person("cy2", "cy1", "ward-e"),
    ];

    [Fact]
    public void Organisation_covers_everyone_and_wins_over_the_leaders_other_lines()
    {
        var scope = DigestScope.For("lena", [new("lena", LeaderScopeKind.Unit, "ward-c"), new("lena", LeaderScopeKind.Organisation, null)]);

        Assert.True(scope.Organisation);
        Assert.Equal(People.Length, scope.Members(People).Count);
    }

    [Fact]
    public void Units_and_the_reporting_line_add_up_and_only_the_leaders_own_lines_count()
    {
        var scope = DigestScope.For("lena", [new("lena", LeaderScopeKind.Unit, "ward-c"), new("lena", LeaderScopeKind.ReportingLine, null), new("mo", LeaderScopeKind.Unit, "ward-d")]);

        Assert.Equal(["mo", "pat", "sam", "yan"], scope.Members(People).Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_reporting_line_is_everyone_under_the_leader_directly_or_not_but_not_the_leader()
    {
        Assert.Equal(["mo", "pat", "sam"], DigestScope.ReportingLine("lena", People).Order(StringComparer.Ordinal));
        Assert.Equal(["pat", "sam"], DigestScope.ReportingLine("mo", People).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cycle_in_the_manager_chain_ends_the_walk()
    {
        Assert.Equal(["cy2"], DigestScope.ReportingLine("cy1", People));
    }

    [Fact]
    public void A_leader_without_lines_has_an_empty_scope()
    {
        Assert.True(DigestScope.For("nobody", [new("lena", LeaderScopeKind.Organisation, null)]).IsEmpty);
    }

    private static Person Person(string id, string? manager, string? unit) =>
        new(id, null, id, null, Level.Staff, unit, manager, "America/Chicago", WorkingHours.Default, null, null, "en-US", 0, [], false);
}
