using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>
/// How a card names someone's relationship to the reader, as the map defines it: an onboarding buddy is never called a
/// mentor, nor a peer a mentee.
/// </summary>
internal static class Relationships
{
    /// <summary>The reader's mentor in a pairing of this kind ("your onboarding buddy", "your peer mentor").</summary>
    public static string Mentor(MentorshipKind kind, Language l) => kind switch
    {
        MentorshipKind.OnboardingBuddy => l.Pick("your onboarding buddy", "tu compañero de acogida"),
        MentorshipKind.Peer => l.Pick("your peer mentor", "tu mentor entre iguales"),
        MentorshipKind.Reverse => l.Pick("your reverse mentor", "tu mentor inverso"),
        _ => l.Pick("your mentor", "tu mentor"),
    };

    /// <summary>The reader's mentee in a pairing of this kind ("the new starter you buddy", "your peer").</summary>
    public static string Mentee(MentorshipKind kind, Language l) => kind switch
    {
        MentorshipKind.OnboardingBuddy => l.Pick("the new starter you buddy", "a quien acoges"),
        MentorshipKind.Peer => l.Pick("your peer", "tu compañero"),
        MentorshipKind.Reverse => l.Pick("your reverse mentee", "a quien acompañas como mentor inverso"),
        _ => l.Pick("your mentee", "a quien acompañas"),
    };

    /// <summary>The same in a few words, for a button title: "your buddy", "peer mentor".</summary>
    public static string MentorShort(MentorshipKind kind, Language l) => kind switch
    {
        MentorshipKind.OnboardingBuddy => l.Pick("your buddy", "tu compañero"),
        MentorshipKind.Peer => l.Pick("peer mentor", "mentor par"),
        MentorshipKind.Reverse => l.Pick("reverse mentor", "mentor inverso"),
        _ => l.Pick("your mentor", "tu mentor"),
    };

    /// <summary>The same in a few words, for a button title: "your new starter", "your peer".</summary>
    public static string MenteeShort(MentorshipKind kind, Language l) => kind switch
    {
        MentorshipKind.OnboardingBuddy => l.Pick("your new starter", "recién llegado"),
        MentorshipKind.Peer => l.Pick("your peer", "tu par"),
        MentorshipKind.Reverse => l.Pick("reverse mentee", "mentorado inverso"),
        _ => l.Pick("your mentee", "acompañado"),
    };

    /// <summary>
    /// The pairing that names what <paramref name="other"/> is to <paramref name="reader"/> when they share several
    /// (a lane pairing first, then the oldest), or null when they share none.
    /// </summary>
    public static Mentorship? Between(IEnumerable<Mentorship> pairings, string reader, string other) => pairings
        .Where(m => m.Status != MentorshipStatus.Ended && ((m.MentorId == reader && m.MenteeId == other) || (m.MenteeId == reader && m.MentorId == other)))
        .OrderBy(m => m.Kind == MentorshipKind.Lane ? 0 : 1).ThenBy(m => m.StartDate)
        .FirstOrDefault();

    /// <summary>What <paramref name="other"/> is to <paramref name="reader"/>, or null when they share no pairing.</summary>
    public static string? Describe(IEnumerable<Mentorship> pairings, string reader, string other, Language l) =>
        Between(pairings, reader, other) is { } pairing
            ? pairing.MenteeId == reader ? Mentor(pairing.Kind, l) : Mentee(pairing.Kind, l)
            : null;
}
