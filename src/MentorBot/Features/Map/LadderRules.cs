using MentorBot.Features.Map.File;

namespace MentorBot.Features.Map;

/// <summary>Validation of the ladder section: unique ids, known lanes, methods and validators, onboarding sets.</summary>
internal static class LadderRules
{
    public static Ladder Validate(LadderSection? section, HashSet<string> laneIds, Action<string, string> problem)
    {
        var tracks = new List<LadderTrack>();
        var trackIds = new HashSet<string>(StringComparer.Ordinal);
        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        var competencyIds = new HashSet<string>(StringComparer.Ordinal);
        var entries = section?.Tracks ?? [];
        for (var t = 0; t < entries.Count; t++)
        {
            var at = $"$.ladder.tracks[{t}]";
            var entry = entries[t];
            var ok = MapValidator.CheckId(entry.Id, at + ".id", trackIds, "track", problem);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problem(at + ".name", "A track needs a name.");
                ok = false;
            }

            if (entry.Steps is not { Count: > 0 })
            {
                problem(at + ".steps", "A track needs at least one step, lowest first.");
                ok = false;
            }

            var steps = new List<LadderStep>();
            for (var s = 0; s < (entry.Steps?.Count ?? 0); s++)
            {
                if (ValidateStep(entry.Steps![s], $"{at}.steps[{s}]", entry.Id ?? string.Empty, s, stepIds, competencyIds, laneIds, problem) is { } step)
                {
                    steps.Add(step);
                }
                else
                {
                    ok = false;
                }
            }

            if (ok)
            {
                tracks.Add(new LadderTrack(entry.Id!, entry.Name!.Trim(), steps));
            }
        }

        return new Ladder(tracks);
    }

    private static LadderStep? ValidateStep(
        StepEntry e, string at, string trackId, int position, HashSet<string> stepIds, HashSet<string> competencyIds, HashSet<string> laneIds, Action<string, string> problem)
    {
        var ok = MapValidator.CheckId(e.Id, at + ".id", stepIds, "step", problem);
        if (string.IsNullOrWhiteSpace(e.Name))
        {
            problem(at + ".name", "A step needs a name.");
            ok = false;
        }

        Level? level = null;
        if (e.Level is not null)
        {
            if (MapValues.TryLevel(e.Level, out var l))
            {
                level = l;
            }
            else
            {
                problem(at + ".level", $"'{e.Level}' is not a level: use director, manager, lead or staff.");
                ok = false;
            }
        }

        var competencies = new List<Competency>();
        for (var c = 0; c < (e.Competencies?.Count ?? 0); c++)
        {
            if (ValidateCompetency(e.Competencies![c], $"{at}.competencies[{c}]", e.Id ?? string.Empty, competencyIds, laneIds, problem) is { } competency)
            {
                competencies.Add(competency);
            }
            else
            {
                ok = false;
            }
        }

        var onboarding = ValidateOnboarding(e, at, problem, ref ok);
        return ok ? new LadderStep(e.Id!, trackId, e.Name!.Trim(), level, position, competencies, onboarding) : null;
    }

    private static Competency? ValidateCompetency(
        CompetencyEntry e, string at, string stepId, HashSet<string> competencyIds, HashSet<string> laneIds, Action<string, string> problem)
    {
        var ok = MapValidator.CheckId(e.Id, at + ".id", competencyIds, "competency", problem);
        if (string.IsNullOrWhiteSpace(e.Name))
        {
            problem(at + ".name", "A competency needs a name.");
            ok = false;
        }

        if (e.Lane is null || !laneIds.Contains(e.Lane))
        {
            problem(at + ".lane", e.Lane is null ? "A competency needs the lane it belongs to." : $"Unknown lane '{e.Lane}'.");
            ok = false;
        }

        var methods = Parse<ValidationMethod>(e.Methods, at + ".methods", LadderNames.TryMethod, $"use {LadderNames.MethodList}", "how it is validated", problem, ref ok);
        var validators = Parse<ValidatorRole>(e.Validators, at + ".validators", LadderNames.TryValidator, $"use {LadderNames.ValidatorList}", "who may validate it", problem, ref ok);
        return ok ? new Competency(e.Id!, e.Name!.Trim(), e.Lane!, stepId, methods, validators) : null;
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private static List<T> Parse<T>(List<string>? items, string at, TryParse<T> parse, string hint, string what, Action<string, string> problem, ref bool ok)
    {
        var values = new List<T>();
        if (items is not { Count: > 0 })
        {
            problem(at, $"A competency needs {what}: {hint}.");
            ok = false;
            return values;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (parse(items[i], out var value))
            {
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }
            else
            {
                problem($"{at}[{i}]", $"'{items[i]}' is unknown: {hint}.");
                ok = false;
            }
        }

        return values;
    }

    private static Dictionary<string, OnboardingPhase> ValidateOnboarding(StepEntry e, string at, Action<string, string> problem, ref bool ok)
    {
        var own = (e.Competencies ?? []).Select(c => c.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var onboarding = new Dictionary<string, OnboardingPhase>(StringComparer.Ordinal);
        var phases = new (string Name, List<string>? Ids, OnboardingPhase Phase)[]
        {
            ("observe", e.Onboarding?.Observe, OnboardingPhase.Observe),
            ("practiseWithSupport", e.Onboarding?.PractiseWithSupport, OnboardingPhase.PractiseWithSupport),
            ("practiseIndependently", e.Onboarding?.PractiseIndependently, OnboardingPhase.PractiseIndependently),
        };
        foreach (var (name, ids, phase) in phases)
        {
            for (var i = 0; i < (ids?.Count ?? 0); i++)
            {
                var id = ids![i];
                var where = $"{at}.onboarding.{name}[{i}]";
                if (!own.Contains(id))
                {
                    problem(where, $"'{id}' is not one of this step's competencies.");
                    ok = false;
                }
                else if (!onboarding.TryAdd(id, phase))
                {
                    problem(where, $"'{id}' is already listed for the {LadderNames.Name(onboarding[id])} phase: list each competency once.");
                    ok = false;
                }
            }
        }

        return onboarding;
    }
}
