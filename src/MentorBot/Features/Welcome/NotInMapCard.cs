namespace MentorBot.Features.Welcome;

/// <summary>Wording for people MentorBot does not find in the mentorship map.</summary>
internal static class NotInMapCard
{
    public const string HowToBeAdded =
        "I can't find you in your organisation's mentorship map yet, so I can only show general help. " +
        "Ask your programme admin to add you; once they have, type **help** again.";
}
