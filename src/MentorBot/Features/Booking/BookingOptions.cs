using System.ComponentModel.DataAnnotations;

namespace MentorBot.Features.Booking;

/// <summary>Which calendar MentorBot books on.</summary>
internal enum CalendarChoice
{
    /// <summary>Microsoft Graph when <c>Graph</c> is configured, else the local calendar.</summary>
    Auto,
    Local,
    Graph,
}

/// <summary>The <c>Booking</c> section.</summary>
internal sealed class BookingOptions
{
    public const string SectionName = "Booking";

    public CalendarChoice Calendar { get; set; } = CalendarChoice.Auto;

    /// <summary>The programme's usual meeting length: 15, 30, 45 or 60 minutes. People can pick another of those.</summary>
    [AllowedValues(15, 30, 45, 60)]
    public int DefaultMinutes { get; set; } = 30;

    /// <summary>How far ahead to look for times: 14 days covers the next 10 working days.</summary>
    [Range(1, 28)]
    public int SearchDays { get; set; } = 14;

    /// <summary>The earliest a proposed meeting may start, from now.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3.00:00:00")]
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A lunch break never proposed, in each person's own time, e.g. 12:00 to 12:30. Empty: none.</summary>
    public TimeOnly? LunchStart { get; set; }

    public TimeOnly? LunchEnd { get; set; }

    /// <summary>
    /// How long a button press waits for the calendar before answering with "booking…" and finishing in the
    /// background (the card is updated then). Teams gives an invoke 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.2", "00:00:04.5")]
    public TimeSpan InvokeBudget { get; set; } = TimeSpan.FromSeconds(3.5);

    /// <summary>How long an instance may work on a booking before the recovery sweep takes it over.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where people's browsers reach MentorBot, for .ics downloads of local-calendar meetings. Empty: the address it listens on.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
