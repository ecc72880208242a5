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

    /// <param name="dashboard">The tab's dashboard for this digest's scope; null (no Teams app id) shows no button.</param>
    public static AdaptiveCard Build(DigestReport r, Language l, Uri? dashboard = null)
    {
        var k = r.MinGroupSize;
        var week = r.ThisWeek;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"Weekly digest: {r.Header.ScopeName}", $"Resumen semanal: {r.Header.ScopeName}")),
            Blocks.Subtle(DigestBlocks.Window(r, l)),
            DigestBlocks.Section(l.Pick("Check-ins answered", "Seguimientos respondidos")),
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
            DigestBlocks.Section(l.Pick("How people feel (1–5, scores shared with mentors)", "Cómo se sienten (1–5, puntuaciones compartidas con mentores)")),
            Blocks.Facts(
                (l.Pick("Confidence", "Confianza"), Trend(r, w => w.Confidence, l)),
                (l.Pick("Load", "Carga"), Trend(r, w => w.Load, l))),
            DigestBlocks.Section(l.Pick("Time with mentors", "Tiempo con mentores")),
            Blocks.Facts(
                (l.Pick("Asked for mentor time", "Pidieron tiempo con su mentor"), WithBefore(r.AskedTime, r.AskedTimeBefore, k, l)),
                (l.Pick("Sessions booked", "Sesiones reservadas"), WithBefore(r.Sessions, r.SessionsBefore, k, l))),
            DigestBlocks.Section(l.Pick("Lanes named in “need” or “stuck”", "Áreas nombradas en «necesito» o «me atasco»")),
        };

        body.AddRange(Lanes(r, l));
        body.Add(DigestBlocks.Section(l.Pick("Mentoring and onboarding", "Mentoría e incorporación")));
        body.Add(Blocks.Facts(
            (l.Pick("Mentors at or over capacity", "Mentores al límite o por encima"), l.Pick($"{DigestText.Count(r.MentorsAtCapacity, l)} of {DigestText.Count(r.Mentors, l)}", $"{DigestText.Count(r.MentorsAtCapacity, l)} de {DigestText.Count(r.Mentors, l)}")),
            (l.Pick("Pairings with a low calibration score", "Parejas con calibración baja"), DigestText.Count(r.LowCalibrations, k, l)),
            (l.Pick("New hires", "Nuevas incorporaciones"), NewHires(r, l)),
            (l.Pick("People MentorBot can't reach yet", "Personas a las que MentorBot aún no llega"), DigestText.Count(r.Unreachable, l))));
        if (r.Outcomes is { } outcomes)
        {
            body.Add(DigestBlocks.Section(l.Pick("Growth and outcomes (last 12 months)", "Crecimiento y resultados (últimos 12 meses)")));
            body.Add(Blocks.Facts(
                (l.Pick("Time to independence", "Tiempo hasta la autonomía"), Outcomes.OutcomeCard.Independence(outcomes, l)),
                (l.Pick("Competencies validated", "Competencias validadas"), outcomes.Validations.IsShown ? DigestText.Count((int)outcomes.Validations.Value, l) : Outcomes.OutcomeCard.Hidden(outcomes.Validations, l)),
                (l.Pick("New hires still here at 90 days", "Incorporaciones que siguen a los 90 días"), Outcomes.OutcomeCard.Rate(outcomes.Retention90, l)),
                (l.Pick("Confidence, new hires", "Confianza, incorporaciones"), Outcomes.OutcomeCard.Score(outcomes.NewHireConfidence, l))));
        }

        if (r.ConcernsOpen is { } open && r.ConcernsResolved is { } resolved)
        {
            body.Add(DigestBlocks.Section(l.Pick("Concerns raised (last 5 weeks, counts only)", "Inquietudes planteadas (últimas 5 semanas, solo totales)")));
            body.Add(Blocks.Facts(
                (l.Pick("Open", "Abiertas"), DigestText.Count(open, k, l)),
                (l.Pick("Resolved", "Resueltas"), DigestText.Count(resolved, k, l))));
        }

        body.Add(DigestBlocks.Footnote(k, l));

        var actions = DigestBlocks.Actions(r.Header, l, DigestVerbs.Details);
        if (dashboard is not null)
        {
            actions.Add(new OpenUrlAction(l.Pick("Open dashboard", "Abrir el panel"), dashboard));
        }

        return Blocks.Card(FallbackText(r, l), body, actions);
    }

    /// <summary>This week by unit, with the same rules, and complementary suppression down each column.</summary>
    public static AdaptiveCard Details(DigestReport r, Language l)
    {
        var k = r.MinGroupSize;
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick($"By unit: {r.Header.ScopeName}", $"Por unidad: {r.Header.ScopeName}")),
            Blocks.Subtle(DigestBlocks.Window(r, l)),
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
        body.Add(DigestBlocks.Footnote(k, l));
        return Blocks.Card(l.Pick($"Digest by unit: {r.Header.ScopeName}", $"Resumen por unidad: {r.Header.ScopeName}"), body, DigestBlocks.Actions(r.Header, l, DigestVerbs.Summary));
    }

    internal static string ParticipationLine(DigestReport r, Language l)
    {
        var week = r.ThisWeek.Participation;
        var now = week.IsShown ? l.Pick($"{DigestText.Count((int)week.Value, l)} of {DigestText.Count(week.Of, l)} this week", $"{DigestText.Count((int)week.Value, l)} de {DigestText.Count(week.Of, l)} esta semana") : null;
        var before = r.Before.Participation.IsShown
            ? l.Pick($"4 weeks before: {DigestText.Percent(r.Before.Participation, l)}", $"4 semanas antes: {DigestText.Percent(r.Before.Participation, l)}")
            : l.Pick("4 weeks before: not enough people to show", "4 semanas antes: no hay personas suficientes para mostrarlo");
        return now is null ? before : $"{now} · {before}";
    }

    internal static string Trend(DigestReport r, Func<WeekPoint, Cell> pick, Language l)
    {
        var now = DigestText.Score(pick(r.ThisWeek), r.MinGroupSize, l);
        var before = pick(r.Before);
        var line = DigestText.Sparkline(r.Weeks.Select(pick), c => c.Value, 1, 5);
        return before.IsShown
            ? l.Pick($"{now} (4 weeks before: {DigestText.Score(before.Value, l)}) {line}", $"{now} (4 semanas antes: {DigestText.Score(before.Value, l)}) {line}")
            : $"{now} {line}";
    }

    internal static string WithBefore(Cell now, Cell before, int k, Language l) => l.Pick(
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

    internal static string NewHires(DigestReport r, Language l) => string.Join(" · ", r.NewHires.Select(p =>
        $"{Onboarding.Describe(p.Phase, l)} {DigestText.Count(p.People, l)}"));

    private static string FallbackText(DigestReport r, Language l)
    {
        var week = r.ThisWeek.Participation;
        return week.IsShown
            ? l.Pick($"Weekly digest for {r.Header.ScopeName}: {DigestText.Percent(week, l)} of check-ins answered this week.", $"Resumen semanal de {r.Header.ScopeName}: {DigestText.Percent(week, l)} de seguimientos respondidos esta semana.")
            : l.Pick($"Weekly digest for {r.Header.ScopeName}.", $"Resumen semanal de {r.Header.ScopeName}.");
    }
}
