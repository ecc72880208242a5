namespace MentorBot.Features.Map;

internal static class MapVerbs
{
    public const string ShowMyMap = "map.mine";
    public const string ShowStatus = "map.status";
}
