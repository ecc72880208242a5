using MentorBot.Features.Privacy;

namespace MentorBot.Tests.Privacy;

public sealed class PseudonymsTests
{
    [Fact]
    public void The_audit_pseudonym_is_stable_one_way_and_differs_per_person()
    {
        var alex = Pseudonyms.ForAudit("alex-wilber");

        Assert.Equal(alex, Pseudonyms.ForAudit("alex-wilber"));
        Assert.NotEqual(alex, Pseudonyms.ForAudit("isaiah-langer"));
        Assert.StartsWith(Pseudonyms.AuditPrefix, alex, StringComparison.Ordinal);
        Assert.DoesNotContain("alex", alex, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Tombstones_are_random_and_can_never_be_a_map_id()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Pseudonyms.NewTombstone()).ToList();

        Assert.Equal(100, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(Pseudonyms.IsTombstone(id)));
        Assert.All(ids.Append(Pseudonyms.ErasedPerson), id => Assert.DoesNotMatch(@"^[A-Za-z0-9][A-Za-z0-9._-]*$", id));
    }
}
