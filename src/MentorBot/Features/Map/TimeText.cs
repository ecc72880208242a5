using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Map;

/// <summary>Formats instants for people, always in the reader's own time zone and language. Pure: cultures are explicit.</summary>
internal static class TimeText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    public static string When(DateTimeOffset instant, string readerTimeZone, Language language = Language.English)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(readerTimeZone));
        return language == Language.Spanish
            ? local.ToString("dddd d 'de' MMMM, H:mm", Spanish)
            : local.ToString("ddd, MMM d 'at' h:mm tt", English);
    }

    /// <summary>A meeting's span in the reader's zone: "Tue, Nov 24, 10:00 – 10:30 AM".</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, string readerTimeZone, Language language = Language.English)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(readerTimeZone);
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        return language == Language.Spanish
            ? $"{from.ToString("ddd d MMM, H:mm", Spanish)}–{to.ToString("H:mm", Spanish)}"
            : $"{from.ToString("ddd, MMM d, h:mm", English)}–{to.ToString("h:mm tt", English)}";
    }

    public static string Date(DateOnly date, Language language = Language.English) =>
        language == Language.Spanish ? date.ToString("d 'de' MMMM", Spanish) : date.ToString("MMM d", English);

    /// <summary>A date with its year, for spans that cross one (outcomes over twelve months, a pilot).</summary>
    public static string DateWithYear(DateOnly date, Language language = Language.English) =>
        language == Language.Spanish ? date.ToString("d 'de' MMMM 'de' yyyy", Spanish) : date.ToString("MMM d, yyyy", English);

    public static string Cadence(Cadence cadence, Language language = Language.English)
    {
        if (language == Language.Spanish)
        {
            var dia = Spanish.DateTimeFormat.GetDayName(cadence.Day);
            var hora = cadence.Time.ToString("H:mm", Spanish);
            return cadence.Every switch
            {
                CadenceFrequency.Weekly => $"cada {dia} a las {hora}",
                CadenceFrequency.Biweekly => $"{dia} por medio a las {hora}",
                _ => $"primer {dia} de cada mes a las {hora}",
            };
        }

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
