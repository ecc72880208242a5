using System.Globalization;
using System.Text.RegularExpressions;
using MentorBot.Features.Map;

namespace MentorBot.Features.Pulses;

/// <summary>The rules every pulse follows, from a content file or <c>pulse create</c>. Pure: a spec in, every problem out.</summary>
internal static partial class PulseValidator
{
    public const int MaxTitleLength = 80;
    public const int MaxIntroLength = 300;
    public const int MaxQuestionLength = 160;
    public const int MaxOptionLength = 60;

    public static IReadOnlyList<string> Validate(string source, PulseSpec spec)
    {
        var problems = new List<string>();
        if (spec.Id is null || !Slug().IsMatch(spec.Id))
        {
            problems.Add($"{source}: id must be 2 to 40 lower-case letters, digits and dashes.");
        }

        if (string.IsNullOrWhiteSpace(spec.Title) || spec.Title.Length > MaxTitleLength)
        {
            problems.Add($"{source}: title must be 1 to {MaxTitleLength} characters.");
        }

        if (spec.Intro is { Length: > MaxIntroLength })
        {
            problems.Add($"{source}: intro is longer than {MaxIntroLength} characters.");
        }

        if (spec.Schedule is not (PulseSchedule.Once or PulseSchedule.Monthly or PulseSchedule.Quarterly))
        {
            problems.Add($"{source}: schedule must be once, monthly or quarterly.");
        }

        if (spec.StartsOn is { Length: > 0 } startsOn && !DateOnly.TryParseExact(startsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"{source}: startsOn must be a date like 2027-01-04.");
        }

        ValidateAudience(source, spec.Audience, problems);
        ValidateQuestions(source, spec.Questions ?? [], problems);
        return problems;
    }

    /// <summary>A valid spec as a pulse. Call <see cref="Validate"/> first.</summary>
    public static Pulse ToPulse(PulseSpec spec, DateTimeOffset firstSeen, string source, string? createdBy) => new(
        spec.Id!,
        spec.Title!.Trim(),
        string.IsNullOrWhiteSpace(spec.Intro) ? null : spec.Intro.Trim(),
        [.. spec.Questions!.Select(q => new PulseQuestion(q.Id!, q.Kind!, q.Text!.Trim(), [.. (q.Options ?? []).Select(o => o.Trim())]))],
        new PulseAudience(spec.Audience!.Kind!, spec.Audience.Kind == PulseAudienceKind.Programme ? null : spec.Audience.Id),
        spec.Schedule!,
        StartsAt(spec) ?? firstSeen,
        source,
        createdBy);

    public static DateTimeOffset? StartsAt(PulseSpec spec) =>
        spec.StartsOn is { Length: > 0 } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    private static void ValidateAudience(string source, PulseSpecAudience? audience, List<string> problems)
    {
        var ok = audience?.Kind switch
        {
            PulseAudienceKind.Programme => true,
            PulseAudienceKind.Unit or PulseAudienceKind.Circle => !string.IsNullOrWhiteSpace(audience.Id),
            PulseAudienceKind.Level => Enum.TryParse<Level>(audience.Id, ignoreCase: true, out _) && !int.TryParse(audience.Id, out _),
            _ => false,
        };
        if (!ok)
        {
            problems.Add($"{source}: audience must be the programme, a unit or circle id, or a level (staff, lead, manager, director).");
        }
    }

    private static void ValidateQuestions(string source, List<PulseSpecQuestion> questions, List<string> problems)
    {
        if (questions.Count is < 1 or > PulseFields.MaxQuestions)
        {
            problems.Add($"{source}: has {questions.Count} questions; a pulse asks 1 to {PulseFields.MaxQuestions}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var where = $"{source}: question '{question.Id}'";
            if (question.Id is null || !Slug().IsMatch(question.Id) || !ids.Add(question.Id))
            {
                problems.Add($"{where}: id is missing, repeated, or not lower-case letters, digits and dashes.");
            }

            if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > MaxQuestionLength)
            {
                problems.Add($"{where}: text must be 1 to {MaxQuestionLength} characters.");
            }

            var options = question.Options ?? [];
            switch (question.Kind)
            {
                case PulseQuestionKind.Scale or PulseQuestionKind.Text when options.Count > 0:
                    problems.Add($"{where}: only a choice question has options.");
                    break;
                case PulseQuestionKind.Choice when options.Count is < 2 or > 6 || options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > MaxOptionLength)
                    || options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count:
                    problems.Add($"{where}: a choice needs 2 to 6 different options of 1 to {MaxOptionLength} characters.");
                    break;
                case PulseQuestionKind.Scale or PulseQuestionKind.Choice or PulseQuestionKind.Text:
                    break;
                default:
                    problems.Add($"{where}: kind must be scale, choice or text.");
                    break;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Slug();
}
