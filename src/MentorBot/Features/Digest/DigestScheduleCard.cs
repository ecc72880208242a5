using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

/// <summary>When a leader's weekly digest arrives, pure: after <c>digest at</c>.</summary>
internal static class DigestScheduleCard
{
    /// <summary>When this leader's digest arrives, after <c>digest at</c>.</summary>
    public static AdaptiveCard Build(DigestSchedule schedule, Language l, string? problem = null)
    {
        var when = l.Pick(
            $"every {DigestText.Culture(l).DateTimeFormat.GetDayName(schedule.Day)} at {schedule.Time.ToString("h:mm tt", DigestText.Culture(l))}",
            $"cada {DigestText.Culture(l).DateTimeFormat.GetDayName(schedule.Day)} a las {schedule.Time.ToString("H:mm", DigestText.Culture(l))}");
        var body = new List<CardElement> { Blocks.Heading(l.Pick("Your weekly digest", "Tu resumen semanal")) };
        if (problem is not null)
        {
            body.Add(Blocks.Warning(problem));
        }

        body.Add(Blocks.Paragraph(l.Pick(
            $"It arrives {when} ({schedule.TimeZone}). The next one: {TimeText.When(schedule.Next, schedule.TimeZone, l)}.",
            $"Llega {when} ({schedule.TimeZone}). El próximo: {TimeText.When(schedule.Next, schedule.TimeZone, l)}.")));
        body.Add(Blocks.Subtle(l.Pick(
            "To change it, type for example **digest at friday 07:30**. Type **digest** to see this week's now.",
            "Para cambiarlo, escribe por ejemplo **digest at friday 07:30**. Escribe **digest** para ver el de esta semana ahora.")));
        return Blocks.Card(l.Pick("Your weekly digest", "Tu resumen semanal"), body);
    }
}

/// <summary>When a leader's digest arrives: a weekday and a local time in their zone, and the next instant.</summary>
internal sealed record DigestSchedule(DayOfWeek Day, TimeOnly Time, string TimeZone, DateTimeOffset Next);
