namespace MentorBot.Features.Pulses;

/// <summary>A pulse as written: a content file in <c>Library/*.yaml</c>, or what an admin typed into <c>pulse create</c>.</summary>
internal sealed class PulseSpec
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Intro { get; set; }

    public PulseSpecAudience? Audience { get; set; }

    /// <summary><c>once</c>, <c>monthly</c> or <c>quarterly</c>.</summary>
    public string? Schedule { get; set; }

    /// <summary>The first run's date (yyyy-MM-dd, UTC midnight; invitations then wait for each person's working hours). Empty: when MentorBot first sees the pulse.</summary>
    public string? StartsOn { get; set; }

    public List<PulseSpecQuestion>? Questions { get; set; }
}

internal sealed class PulseSpecAudience
{
    /// <summary><c>programme</c>, <c>unit</c>, <c>level</c> or <c>circle</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The unit or circle id, or the level (staff, lead, manager, director); none for the programme.</summary>
    public string? Id { get; set; }
}

internal sealed class PulseSpecQuestion
{
    public string? Id { get; set; }

    /// <summary><c>scale</c>, <c>choice</c> or <c>text</c>.</summary>
    public string? Kind { get; set; }

    public string? Text { get; set; }

    public List<string>? Options { get; set; }
}
