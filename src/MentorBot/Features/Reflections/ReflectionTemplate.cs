namespace MentorBot.Features.Reflections;

/// <summary>One reflection template as written in <c>Templates/*.yaml</c>.</summary>
internal sealed class ReflectionTemplate
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string When { get; set; } = string.Empty;

    public List<ReflectionField> Fields { get; set; } = [];
}

/// <summary>One question of a template: what the mentor is asked, a hint, and how long the answer may be.</summary>
internal sealed class ReflectionField
{
    public string Id { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string Hint { get; set; } = string.Empty;

    public int MaxLength { get; set; }
}
