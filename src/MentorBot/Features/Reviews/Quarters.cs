namespace MentorBot.Features.Reviews;

/// <summary>Calendar quarters, named like 2026-Q4.</summary>
internal static class Quarters
{
    public static DateOnly StartOf(DateOnly date) => new(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);

    public static string Name(DateOnly date) => $"{date.Year:D4}-Q{((date.Month - 1) / 3) + 1}";
}
