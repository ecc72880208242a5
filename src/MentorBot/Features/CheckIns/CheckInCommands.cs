using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

internal sealed class CheckInCommand(CheckInService service) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("check in", "Start a check-in now: what you learned, what you need, where you're stuck.", CommandAudience.Mentee,
            SpanishDescription: "Empieza un seguimiento ahora: lo que aprendiste, lo que necesitas, dónde te atascas.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await service.StartAsync(turn.Caller, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class MyCheckInsCommand(CheckInStore store, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("my check-ins", "Your recent check-ins.", CommandAudience.Mentee, SpanishDescription: "Tus seguimientos recientes.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        return MyCheckInsCard.Build(await store.LatestAsync(person.Id, MyCheckInsCard.Shown, cancellationToken), person.TimeZone, Languages.From(person.Locale));
    }
}

internal sealed class PauseCommand(CheckInStore store, MapDirectory directory, TimeProvider time) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("pause until", "Pause your scheduled check-ins until a date.", CommandAudience.Mentee, "pause until 2026-12-31",
            "Pausa tus seguimientos programados hasta una fecha.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(person.Locale);
        var today = CallerProfiles.LocalToday(person, time.GetUtcNow());
        if (!PauseDates.TryRead(arguments, today, out var until) || until <= today || until > today.AddYears(1))
        {
            return Blocks.Card(l.Pick("Which date?", "¿Qué fecha?"), [
                Blocks.Heading(l.Pick("Which date should check-ins start again?", "¿Qué día vuelven los seguimientos?")),
                Blocks.Paragraph(l.Pick(
                    "Write a date within the next year, for example **pause until 2026-12-31** or **pause until Dec 31**.",
                    "Escribe una fecha dentro del próximo año, por ejemplo **pause until 2026-12-31** o **pause until Dec 31**.")),
            ]);
        }

        await store.PauseAsync(person.Id, until, cancellationToken);
        return Blocks.Card(l.Pick("Check-ins paused", "Seguimientos en pausa"), [
            Blocks.Heading(l.Pick("Check-ins paused", "Seguimientos en pausa")),
            Blocks.Paragraph(l.Pick(
                $"No scheduled check-ins until {TimeText.Date(until, l)}. Type **resume** to start again sooner. You can still type **check in** any time.",
                $"No habrá seguimientos programados hasta el {TimeText.Date(until, l)}. Escribe **resume** para volver antes. Puedes escribir **check in** cuando quieras.")),
        ]);
    }
}

internal sealed class ResumeCommand(CheckInStore store, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("resume", "Start your scheduled check-ins again after a pause.", CommandAudience.Mentee, SpanishDescription: "Reanuda tus seguimientos programados tras una pausa.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(person.Locale);
        var resumed = await store.ResumeAsync(person.Id, cancellationToken);
        var text = resumed
            ? l.Pick("Check-ins are back on: the next one comes at its usual time.", "Los seguimientos vuelven: el próximo llegará a su hora de siempre.")
            : l.Pick("Your check-ins weren't paused, so nothing changed.", "Tus seguimientos no estaban en pausa; no ha cambiado nada.");
        return Blocks.Card(text, [Blocks.Heading(l.Pick("Check-ins", "Seguimientos")), Blocks.Paragraph(text)]);
    }
}

/// <summary>
/// Reads the date people type after <c>pause until</c>: 2026-12-31, 12/31/2026, Dec 31 2026, or Dec 31 / 31 Dec
/// (the next such day from <paramref name="today"/>). Pure: the year never comes from the machine's clock.
/// </summary>
internal static class PauseDates
{
    private static readonly string[] WithYear = ["yyyy-MM-dd", "M/d/yyyy", "MMM d yyyy", "d MMM yyyy", "MMMM d yyyy", "d MMMM yyyy"];
    private static readonly string[] WithoutYear = ["MMM d yyyy", "MMMM d yyyy", "d MMM yyyy", "d MMMM yyyy"];
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static bool TryRead(string text, DateOnly today, out DateOnly date)
    {
        var cleaned = string.Join(' ', text.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateOnly.TryParseExact(cleaned, WithYear, English, System.Globalization.DateTimeStyles.None, out date))
        {
            return true;
        }

        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (DateOnly.TryParseExact($"{cleaned} {year}", WithoutYear, English, System.Globalization.DateTimeStyles.None, out date) && date > today)
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class CheckInSkipAction(CheckInService service) : ICardAction
{
    public string Verb => CheckInVerbs.Skip;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.SkipAsync(turn, cancellationToken);
}

internal sealed class CheckInSubmitAction(CheckInService service) : ICardAction
{
    public string Verb => CheckInVerbs.Submit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.SubmitAsync(turn, cancellationToken);
}

internal sealed class CheckInEditAction(CheckInService service) : ICardAction
{
    public string Verb => CheckInVerbs.Edit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.EditAsync(turn, cancellationToken);
}
