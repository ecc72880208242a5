using System.Text;
using MentorBot.Features.Map.File;
using MentorBot.Graph;

namespace MentorBot.Features.Map.Sync;

/// <summary>
/// Pure merge of directory users into the map: names, emails, managers, units (by department), time zones and
/// working hours. People already in the map keep their level, lanes and roles; new people join as staff.
/// </summary>
internal static class DirectorySync
{
    public static MapDocument Merge(MentorshipMap current, IReadOnlyList<DirectoryUser> users, IReadOnlyDictionary<string, MailboxHours> hours)
    {
        var document = MapDocumentWriter.From(current);
        var people = document.People!;
        var byAad = people.Where(p => p.AadObjectId is not null).ToDictionary(p => p.AadObjectId!.ToLowerInvariant(), StringComparer.Ordinal);
        var byEmail = people.Where(p => p.Email is not null).GroupBy(p => p.Email!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ids = people.Select(p => p.Id!).ToHashSet(StringComparer.Ordinal);
        var unitsByName = current.Units.ToDictionary(u => u.Name.ToLowerInvariant(), u => u.Id, StringComparer.Ordinal);
        var entryByAad = new Dictionary<string, PersonEntry>(StringComparer.Ordinal);

        foreach (var user in users)
        {
            var aad = user.Id.ToLowerInvariant();
            if (!byAad.TryGetValue(aad, out var entry) && !(user.Mail is not null && byEmail.TryGetValue(user.Mail.ToLowerInvariant(), out entry)))
            {
                entry = new PersonEntry { Id = UniqueId(user, ids), Level = "staff" };
                people.Add(entry);
            }

            entry.AadObjectId = aad;
            entry.Name = user.DisplayName;
            entry.Email = user.Mail ?? entry.Email;
            if (user.Department is { } department && unitsByName.TryGetValue(department.ToLowerInvariant(), out var unit))
            {
                entry.Unit = unit;
            }

            if (hours.TryGetValue(user.Id, out var mailbox))
            {
                entry.TimeZone = mailbox.IanaTimeZone ?? entry.TimeZone;
                if (mailbox.Days.Count > 0 && mailbox.Start is { } start && mailbox.End is { } end && start < end)
                {
                    entry.WorkingHours = new WorkingHoursEntry { Days = [.. mailbox.Days.Select(MapValues.DayName)], Start = MapValues.TimeText(start), End = MapValues.TimeText(end) };
                }
            }

            entryByAad[aad] = entry;
        }

        foreach (var user in users.Where(u => u.ManagerId is not null))
        {
            if (entryByAad.TryGetValue(user.ManagerId!.ToLowerInvariant(), out var manager) || byAad.TryGetValue(user.ManagerId.ToLowerInvariant(), out manager))
            {
                entryByAad[user.Id.ToLowerInvariant()].Manager = manager.Id;
            }
        }

        return document;
    }

    private static string UniqueId(DirectoryUser user, HashSet<string> taken)
    {
        var source = user.Mail is { } mail && mail.Contains('@', StringComparison.Ordinal) ? mail[..mail.IndexOf('@', StringComparison.Ordinal)] : user.DisplayName;
        var slug = new StringBuilder();
        foreach (var c in source.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if ((c is ' ' or '.' or '-' or '_') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        id = id.Length == 0 ? "person" : id;
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
