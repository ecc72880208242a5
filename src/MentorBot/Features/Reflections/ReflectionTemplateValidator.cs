namespace MentorBot.Features.Reflections;

/// <summary>The rules every reflection template must follow. Pure: parsed templates in, problems out.</summary>
internal static class ReflectionTemplateValidator
{
    public const int MinFields = 3;
    public const int MaxFields = 6;
    public const int MaxLabelLength = 80;
    public const int MinAnswerLength = 200;
    public const int MaxAnswerLength = 2000;

    public static IReadOnlyList<string> Validate(IReadOnlyList<(string Source, ReflectionTemplate Template)> templates)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, template) in templates)
        {
            if (string.IsNullOrWhiteSpace(template.Id))
            {
                problems.Add($"{source}: id is missing.");
            }
            else if (!seen.TryAdd(template.Id, source))
            {
                problems.Add($"{source}: id '{template.Id}' is already used by {seen[template.Id]}.");
            }

            if (string.IsNullOrWhiteSpace(template.Name))
            {
                problems.Add($"{source}: name is empty.");
            }

            if (string.IsNullOrWhiteSpace(template.Summary))
            {
                problems.Add($"{source}: summary is empty.");
            }

            if (template.Fields.Count is < MinFields or > MaxFields)
            {
                problems.Add($"{source}: has {template.Fields.Count} fields; a template needs {MinFields} to {MaxFields}.");
            }

            ValidateFields(source, template, problems);
        }

        return problems;
    }

    private static void ValidateFields(string source, ReflectionTemplate template, List<string> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            var where = $"{source}: field '{field.Id}'";
            if (string.IsNullOrWhiteSpace(field.Id) || !ids.Add(field.Id))
            {
                problems.Add($"{where}: id is missing or repeated.");
            }

            if (string.IsNullOrWhiteSpace(field.Label) || field.Label.Length > MaxLabelLength)
            {
                problems.Add($"{where}: label must be 1 to {MaxLabelLength} characters (it has {field.Label.Length}).");
            }

            if (field.MaxLength is < MinAnswerLength or > MaxAnswerLength)
            {
                problems.Add($"{where}: maxLength {field.MaxLength} is outside {MinAnswerLength}..{MaxAnswerLength}.");
            }
        }
    }
}
