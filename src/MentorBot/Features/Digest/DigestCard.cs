using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Digest;

internal static class DigestVerbs
{
    public const string Summary = "digest.summary";
    public const string Details = "digest.details";
    public const string Nudge = "digest.nudge";
    public const string ScopeKey = "scope";
}

/// <summary>
/// The leader's weekly digest, pure. It takes a <see cref="DigestReport"/> (every figure already suppressed) and
/// shows counts, rates and averages only: no names, no words anyone wrote, no one person's scores.
/// </summary>
internal static class DigestCard
{
    public const int UnitsListed = 25;

    public static AdaptiveCard Build(DigestReport r, Language l)
    {
        var k = r.MinGroupSize;
        var week = r.ThisWeek;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"Weekly digest: {r.Header.ScopeName}", $"Resumen semanal: {r.Header.ScopeName}")),
            Blocks.Subtle(Window(r, l)),
            Section(l.Pick("Check-ins answered", "Seguimientos respondidos")),
            new TextBlock(week.Participation.IsShown ? DigestText.Percent(week.Participation, l) : DigestText.Participation(week.Participation, k, l))
            {
                Size = FontSize.Large,
                Weight = FontWeight.Bolder,
                Spacing = Spacing.None,
            },
            Blocks.Subtle(ParticipationLine(r, l)),
            TrendChart.Bars([.. r.Weeks.Select((w, i) => (
                i == r.Weeks.Count - 1 ? l.Pick("This wk", "Esta sem.") : DigestText.ShortDate(w.Starts, l),
                w.Participation,
                DigestText.Rate(w.Participation),
                DigestText.Percent(w.Participation, l)))]),
            Blocks.Subtle(l.Pick("Week by week: ", "Semana a semana: ") + string.Join(" · ", r.Weeks.Select((w, i) =>
                $"{(i == r.Weeks.Count - 1 ? l.Pick("this week", "esta semana") : DigestText.ShortDate(w.Starts, l))} {DigestText.Participation(w.Participation, k, l)}"))),
            Section(l.Pick("How people feel (1–5, scores shared with mentors)", "Cómo se sienten (1–5, puntuaciones compartidas con mentores)")),
            Blocks.Facts(
                (l.Pick("Confidence", "Confianza"), Trend(r, w => w.Confidence, l)),
                (l.Pick("Load", "Carga"), Trend(r, w => w.Load, l))),
            Section(l.Pick("Time with mentors", "Tiempo con mentores")),
            Blocks.Facts(
                (l.Pick("Asked for mentor time", "Pidieron tiempo con su mentor"), WithBefore(r.AskedTime, r.AskedTimeBefore, k, l)),
                (l.Pick("Sessions booked", "Sesiones reservadas"), WithBefore(r.Sessions, r.SessionsBefore, k, l))),
            Section(l.Pick("Lanes named in “need” or “stuck”", "Áreas nombradas en «necesito» o «me atasco»")),
        };

        body.AddRange(Lanes(r, l));
        body.Add(Section(l.Pick("Mentoring and onboarding", "Mentoría e incorporación")));
        body.Add(Blocks.Facts(
            (l.Pick("Mentors at or over capacity", "Mentores al límite o por encima"), l.Pick($"{DigestText.Count(r.MentorsAtCapacity, l)} of {DigestText.Count(r.Mentors, l)}", $"{DigestText.Count(r.MentorsAtCapacity, l)} de {DigestText.Count(r.Mentors, l)}")),
            (l.Pick("Pairings with a low calibration score", "Parejas con calibración baja"), DigestText.Count(r.LowCalibrations, k, l)),
            (l.Pick("New hires", "Nuevas incorporaciones"), NewHires(r, l)),
            (l.Pick("People MentorBot can't reach yet", "Personas a las que MentorBot aún no llega"), DigestText.Count(r.Unreachable, l))));
        body.Add(Footnote(k, l));

        return Blocks.Card(FallbackText(r, l), body, Actions(r.Header, l, DigestVerbs.Details));
    }

    /// <summary>This week by unit, with the same rules, and complementary suppression down each column.</summary>
    public static AdaptiveCard Details(DigestReport r, Language l)
    {
        var k = r.MinGroupSize;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"By unit: {r.Header.ScopeName}", $"Por unidad: {r.Header.ScopeName}")),
            Blocks.Subtle(Window(r, l)),
        };

        foreach (var (unit, total) in r.Units.Take(UnitsListed).Select(u => (u, false)).Append((r.Total, true)))
        {
            var name = total ? l.Pick("All units", "Todas las unidades") : unit.Unit.Length == 0 ? l.Pick("No unit", "Sin unidad") : unit.Unit;
            body.Add(new TextBlock(name) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
            body.Add(Blocks.Facts(
                (l.Pick("Check-ins answered", "Seguimientos respondidos"), DigestText.Participation(unit.Participation, k, l, inBreakdown: !total)),
                (l.Pick("Confidence", "Confianza"), DigestText.Score(unit.Confidence, k, l, inBreakdown: !total)),
                (l.Pick("Load", "Carga"), DigestText.Score(unit.Load, k, l, inBreakdown: !total)),
                (l.Pick("Asked for mentor time", "Pidieron tiempo con su mentor"), DigestText.Count(unit.AskedTime, k, l, inBreakdown: !total))));
        }

        if (r.Units.Count > UnitsListed)
        {
            body.Add(Blocks.Subtle(l.Pick(
                $"…and {r.Units.Count - UnitsListed} more units, included in “All units”.",
                $"…y {r.Units.Count - UnitsListed} unidades más, incluidas en «Todas las unidades».")));
        }

        body.Add(Blocks.Subtle(l.Pick(
            $"“Hidden”: the unit has fewer than {k} people for that figure, or it is hidden beside such a unit so that nobody can work the small one out from “All units”.",
            $"«Oculto»: la unidad tiene menos de {k} personas para esa cifra, o se oculta junto a una así para que nadie pueda deducirla de «Todas las unidades».")));
        body.Add(Footnote(k, l));
        return Blocks.Card(l.Pick($"Digest by unit: {r.Header.ScopeName}", $"Resumen por unidad: {r.Header.ScopeName}"), body, Actions(r.Header, l, DigestVerbs.Summary));
    }

    /// <summary>Who has not answered their check-ins lately: participation only, never what anyone wrote.</summary>
    public static AdaptiveCard Nudges(NudgeList list, Language l, int listed = 30)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Who might need a nudge", "A quién conviene recordárselo")),
            Blocks.Subtle(l.Pick(
                $"{list.Header.ScopeName}: people whose check-ins of the last two weeks are all unanswered. Only whether they answered is shown here, never what anyone wrote.",
                $"{list.Header.ScopeName}: personas con todos los seguimientos de las dos últimas semanas sin responder. Aquí solo se ve si respondieron, nunca lo que nadie escribió.")),
        };

        if (list.People.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("Everyone has answered at least one recent check-in.", "Todo el mundo ha respondido al menos un seguimiento reciente.")));
        }

        foreach (var (name, unanswered) in list.People.Take(listed))
        {
            body.Add(new TextBlock("• " + l.Pick(
                $"{name}: {unanswered} unanswered",
                $"{name}: {unanswered} sin responder")) { Spacing = Spacing.None });
        }

        if (list.People.Count > listed)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {list.People.Count - listed} more.", $"…y {list.People.Count - listed} más.")));
        }

        body.Add(Blocks.Subtle(l.Pick(
            "A friendly word works best: ask whether the check-in time suits them. They can also pause check-ins themselves.",
            "Funciona mejor una palabra amable: pregunta si la hora del seguimiento les viene bien. También pueden pausarlos.")));
        return Blocks.Card(l.Pick("Who might need a nudge", "A quién conviene recordárselo"), body,
            [new ExecuteAction(l.Pick("Summary", "Resumen"), DigestVerbs.Summary, Scope(list.Header))]);
    }

    /// <summary>When this leader's digest arrives, after <c>digest at</c>.</summary>
    public static AdaptiveCard Schedule(DigestSchedule schedule, Language l, string? problem = null)
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

    private static TextBlock Section(string title) => new(title) { Weight = FontWeight.Bolder, Spacing = Spacing.Medium, Separator = true };

    private static string Window(DigestReport r, Language l) => l.Pick(
        $"7 days to {TimeText.When(r.Header.AsOf, r.Header.TimeZone, l)} · {DigestText.Count(r.People, l)} people · this week against the 4 weeks before",
        $"7 días hasta el {TimeText.When(r.Header.AsOf, r.Header.TimeZone, l)} · {DigestText.Count(r.People, l)} personas · esta semana frente a las 4 anteriores");

    private static string ParticipationLine(DigestReport r, Language l)
    {
        var week = r.ThisWeek.Participation;
        var now = week.IsShown ? l.Pick($"{DigestText.Count((int)week.Value, l)} of {DigestText.Count(week.Of, l)} this week", $"{DigestText.Count((int)week.Value, l)} de {DigestText.Count(week.Of, l)} esta semana") : null;
        var before = r.Before.Participation.IsShown
            ? l.Pick($"4 weeks before: {DigestText.Percent(r.Before.Participation, l)}", $"4 semanas antes: {DigestText.Percent(r.Before.Participation, l)}")
            : l.Pick("4 weeks before: not enough people to show", "4 semanas antes: no hay personas suficientes para mostrarlo");
        return now is null ? before : $"{now} · {before}";
    }

    private static string Trend(DigestReport r, Func<WeekPoint, Cell> pick, Language l)
    {
        var now = DigestText.Score(pick(r.ThisWeek), r.MinGroupSize, l);
        var before = pick(r.Before);
        var line = DigestText.Sparkline(r.Weeks.Select(pick), c => c.Value, 1, 5);
        return before.IsShown
            ? l.Pick($"{now} (4 weeks before: {DigestText.Score(before.Value, l)}) {line}", $"{now} (4 semanas antes: {DigestText.Score(before.Value, l)}) {line}")
            : $"{now} {line}";
    }

    private static string WithBefore(Cell now, Cell before, int k, Language l) => l.Pick(
        $"{DigestText.Count(now, k, l)} (4 weeks before: {DigestText.Count(before, k, l)})",
        $"{DigestText.Count(now, k, l)} (4 semanas antes: {DigestText.Count(before, k, l)})");

    private static IEnumerable<CardElement> Lanes(DigestReport r, Language l)
    {
        if (r.Lanes.Count == 0)
        {
            yield return Blocks.Subtle(l.Pick("No lane was named in shared answers in these five weeks.", "Nadie nombró un área en respuestas compartidas en estas cinco semanas."));
            yield break;
        }

        foreach (var lane in r.Lanes)
        {
            yield return new TextBlock("• " + l.Pick(
                $"{lane.Lane}: {DigestText.Count(lane.ThisWeek, r.MinGroupSize, l)} this week, {DigestText.Count(lane.Before, r.MinGroupSize, l)} in the 4 weeks before",
                $"{lane.Lane}: {DigestText.Count(lane.ThisWeek, r.MinGroupSize, l)} esta semana, {DigestText.Count(lane.Before, r.MinGroupSize, l)} en las 4 anteriores"))
            { Spacing = Spacing.None };
        }

        yield return Blocks.Subtle(l.Pick(
            "People who named the lane (counts only" + (r.LanesNotListed > 0 ? $"; {r.LanesNotListed} more lanes named)." : ")."),
            "Personas que nombraron el área (solo cifras" + (r.LanesNotListed > 0 ? $"; {r.LanesNotListed} áreas más nombradas)." : ").")));
    }

    private static string NewHires(DigestReport r, Language l) => string.Join(" · ", r.NewHires.Select(p =>
        $"{Onboarding.Describe(p.Phase, l)} {DigestText.Count(p.People, l)}"));

    private static TextBlock Footnote(int k, Language l) => Blocks.Subtle(l.Pick(
        $"Privacy: every figure about fewer than {k} people is hidden, and so is the next-smallest group wherever a hidden figure could be worked out from a total. Only what people shared with their mentor is counted; private answers and anything anyone wrote never reach this card.",
        $"Privacidad: se oculta toda cifra de menos de {k} personas, y también el siguiente grupo más pequeño cuando una cifra oculta podría deducirse de un total. Solo cuenta lo que cada persona compartió con su mentor; las respuestas privadas y lo que nadie escribió nunca llegan a esta tarjeta."));

    private static List<CardAction> Actions(DigestHeader header, Language l, string first)
    {
        var actions = new List<CardAction>
        {
            first == DigestVerbs.Details
                ? new ExecuteAction(l.Pick("Open details", "Ver detalles"), DigestVerbs.Details, Scope(header))
                : new ExecuteAction(l.Pick("Summary", "Resumen"), DigestVerbs.Summary, Scope(header)),
        };
        if (header.NudgeAllowed)
        {
            actions.Add(new ExecuteAction(l.Pick("Who needs a nudge?", "¿A quién recordárselo?"), DigestVerbs.Nudge, Scope(header)));
        }

        return actions;
    }

    private static Dictionary<string, string> Scope(DigestHeader header) => new() { [DigestVerbs.ScopeKey] = header.ScopeKey };

    private static string FallbackText(DigestReport r, Language l)
    {
        var week = r.ThisWeek.Participation;
        return week.IsShown
            ? l.Pick($"Weekly digest for {r.Header.ScopeName}: {DigestText.Percent(week, l)} of check-ins answered this week.", $"Resumen semanal de {r.Header.ScopeName}: {DigestText.Percent(week, l)} de seguimientos respondidos esta semana.")
            : l.Pick($"Weekly digest for {r.Header.ScopeName}.", $"Resumen semanal de {r.Header.ScopeName}.");
    }
}

/// <summary>When a leader's digest arrives: a weekday and a local time in their zone, and the next instant.</summary>
internal sealed record DigestSchedule(DayOfWeek Day, TimeOnly Time, string TimeZone, DateTimeOffset Next);
