using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Features.Privacy;

/// <summary>
/// What is left of an erased person. A tombstone is random (nothing leads from it back to the person) and stands in
/// for them in the anonymous rows kept for aggregates. The audit log instead keeps a one-way pseudonym of their id, so
/// an admin who already knows the id can still confirm that and when it was erased, and nothing more.
/// </summary>
internal static class Pseudonyms
{
    /// <summary>Stands in for the erased person where another person's record pointed at them. Not a valid map id.</summary>
    public const string ErasedPerson = "erased~";

    public const string TombstonePrefix = "erased~";

    public const string AuditPrefix = "erased#";

    public static string NewTombstone() => TombstonePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsTombstone(string id) => id.StartsWith(TombstonePrefix, StringComparison.Ordinal);

    public static string ForAudit(string personId) =>
        AuditPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mentorbot-audit/" + personId)))[..16];
}
