namespace MentorBot.Features.Privacy;

/// <summary>
/// Whether a queued item's reference points at a record of the erased person. References name a record
/// (<c>period id</c>, <c>note id:revision</c>, <c>booking id:revision:status</c>, <c>pairing id|quarter</c>, ...) and
/// some name a person as one of their <c>|</c>-separated parts (<c>pairing|person|score</c>). Pure.
/// </summary>
internal static class OutboxReferences
{
    public static bool Concerns(string reference, IReadOnlySet<string> records, string personId)
    {
        if (records.Contains(reference))
        {
            return true;
        }

        for (var i = 0; i < reference.Length; i++)
        {
            if (reference[i] is '|' or ':' && records.Contains(reference[..i]))
            {
                return true;
            }
        }

        return reference.Split('|').Contains(personId, StringComparer.Ordinal);
    }
}
