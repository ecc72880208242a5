using System.Globalization;

namespace MentorBot.Features.Map;

/// <summary>Formats instants for people, always in the reader's own time zone. Pure: the culture is explicit.</summary>
internal static class TimeText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string When(DateTimeOffset instant, string readerTimeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(readerTimeZone));
        return local.ToString("ddd, MMM d 'at' h:mm tt", English);
    }

    public static string Date(DateOnly date) => date.ToString("MMM d", English);

    public static string Cadence(Cadence cadence)
    {
        var day = English.DateTimeFormat.GetDayName(cadence.Day);
        var time = cadence.Time.ToString("h:mm tt", English);
        return cadence.Every switch
        {
            CadenceFrequency.Weekly => $"every {day} at {time}",
            CadenceFrequency.Biweekly => $"every other {day} at {time}",
            _ => $"first {day} of the month at {time}",
        };
    }
}
