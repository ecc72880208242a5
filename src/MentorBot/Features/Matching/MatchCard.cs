using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Matching;

internal static class MatchVerbs
{
    public const string Publish = "match.publish";
    public const string Run = "run";

    public static string Accept(string menteeId) => "accept-" + menteeId;
}

/// <summary>A saved run as admins see it: names and lane names resolved.</summary>
internal sealed record RunView(SavedRun Run, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> LaneNames, Language Language)
{
    public string Name(string id) => Names.GetValueOrDefault(id, id);

    public string Lanes(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => LaneNames.GetValueOrDefault(id, id)));
}

/// <summary>Pure builders for matching: the admin's suggestions, the publish summary, the intro, unmatched and re-match cards.</summary>
internal static class MatchCard
{
    /// <summary>Most suggestions one card lists; the CLI shows every one.</summary>
    public const int Listed = 25;

    public static AdaptiveCard Suggestions(RunView view)
    {
        var l = view.Language;
        var run = view.Run;
        var title = l.Pick("Suggested pairings", "Parejas sugeridas");
        var body = new List<CardElement>
        {
            Blocks.Heading(title),
            Blocks.Subtle(l.Pick(
                $"{run.Suggestions.Count} pairings, {run.Unmatched.Count} without a match. Every lane mentor is above the mentee, never their manager, within capacity, and not paired with them recently.",
                $"{run.Suggestions.Count} parejas, {run.Unmatched.Count} sin pareja. Cada mentor está por encima, nunca es su responsable directo, tiene plazas y no fueron pareja hace poco.")),
        };
        if (run.Suggestions.Count == 0 && run.Unmatched.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick(
                "Nobody is waiting for a mentor: everyone below director has a lane mentor, or has not named a lane they need. Add needs to the map, or wait for check-ins to name some.",
                "Nadie espera mentor: todos tienen mentor de área o no han indicado qué área necesitan. Añade necesidades al mapa o espera a que los seguimientos las nombren.")));
            return Blocks.Card(title, body);
        }

        foreach (var s in run.Suggestions.Take(Listed))
        {
            body.Add(new Container(
            [
                new TextBlock($"**{view.Name(s.MenteeId)}** {l.Pick("with", "con")} **{view.Name(s.MentorId)}**") { Wrap = true },
                Blocks.Subtle($"{view.Lanes(s.Lanes)} · {l.Pick("score", "puntuación")} {s.Score}{(s.ReplacesId is null ? string.Empty : l.Pick(" · replaces a pairing asked to change", " · sustituye una pareja que pidió cambio"))}"),
                Blocks.Subtle(string.Join(" · ", s.Reasons)),
                new InputToggle(MatchVerbs.Accept(s.MenteeId), l.Pick("Accept this pairing", "Aceptar esta pareja")) { Value = "true" },
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        if (run.Suggestions.Count > Listed)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {run.Suggestions.Count - Listed} more, accepted unless you publish from the CLI: mentorbot match publish {run.Id} --reject <id>.", $"…y {run.Suggestions.Count - Listed} más.")));
        }

        if (run.Unmatched.Count > 0)
        {
            body.Add(new TextBlock(l.Pick("Without a match (they are told why when you publish)", "Sin pareja (se les explica al publicar)")) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Large });
            foreach (var (menteeId, _, explanation) in run.Unmatched.Take(Listed))
            {
                body.Add(new TextBlock($"{view.Name(menteeId)}: {explanation}") { Wrap = true, Spacing = Spacing.Small });
            }
        }

        return Blocks.Card(title, body, [new ExecuteAction(l.Pick("Publish accepted pairings", "Publicar las parejas aceptadas"), MatchVerbs.Publish, new Dictionary<string, string> { [MatchVerbs.Run] = run.Id })]);
    }

    public static AdaptiveCard Published(PublishResult result, Language l)
    {
        var title = l.Pick("Pairings published", "Parejas publicadas");
        return Blocks.Card(title,
        [
            new Container([new TextBlock(title) { Weight = FontWeight.Bolder }]) { Style = ContainerStyle.Good },
            Blocks.Facts(
                (l.Pick("Paired", "Emparejadas"), result.Paired.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (l.Pick("Rejected", "Rechazadas"), result.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (l.Pick("Told they have no match yet", "Avisadas de que aún no tienen pareja"), result.Unmatched.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Blocks.Subtle(l.Pick("Both people in each new pairing get an introduction card; check-ins start on the new cadence.", "Cada persona de una pareja nueva recibe una presentación; los seguimientos empiezan con la nueva cadencia.")),
        ]);
    }

    public static AdaptiveCard AlreadyPublished(Language l)
    {
        var title = l.Pick("That run is already published", "Esa propuesta ya está publicada");
        return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick("Nothing was changed. Type match suggest for a fresh run.", "No se cambió nada. Escribe match suggest para una nueva propuesta."))]);
    }

    public static AdaptiveCard Intro(Person reader, Person other, Mentorship pairing, IReadOnlyList<string> laneNames, bool readerIsMentor, Language l)
    {
        var lanes = string.Join(", ", laneNames);
        var title = readerIsMentor ? l.Pick($"Meet your new mentee, {other.Name}", $"Te presentamos a {other.Name}") : l.Pick($"Meet your new mentor, {other.Name}", $"Te presentamos a tu mentor, {other.Name}");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(readerIsMentor
                ? l.Pick($"You'll mentor {other.Name} in {lanes}. A short hello this week makes the first check-in easier.", $"Acompañarás a {other.Name} en {lanes}. Un breve saludo esta semana facilita el primer seguimiento.")
                : l.Pick($"{other.Name} will mentor you in {lanes}. Say hello, and tell them one thing you'd like to get better at.", $"{other.Name} te acompañará en {lanes}. Salúdale y cuéntale algo que te gustaría mejorar.")),
            Blocks.Facts(
                (l.Pick("Check-ins", "Seguimientos"), TimeText.Cadence(pairing.Cadence, l)),
                (l.Pick("Is it working?", "¿Funciona?"), l.Pick($"I'll ask you both after {TimeText.Date(pairing.CalibrationDate ?? pairing.StartDate, l)}", $"Os preguntaré a ambos después del {TimeText.Date(pairing.CalibrationDate ?? pairing.StartDate, l)}"))),
        ],
        [new ExecuteAction(l.Pick($"Find a time with {Names.First(other.Name)}", $"Buscar un rato con {Names.First(other.Name)}"), Booking.BookingVerbs.Propose, new Dictionary<string, string> { [Booking.BookingFields.With] = other.Id })]);
    }

    public static AdaptiveCard Unmatched(string explanation, Language l)
    {
        var title = l.Pick("No mentor match yet", "Aún no hay mentor para ti");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(l.Pick($"This round of matching couldn't find you a mentor: {explanation}.", $"En esta ronda no encontramos mentor: {explanation}.")),
            Blocks.Subtle(l.Pick("Your programme admin has the list and will look at it. You don't need to do anything.", "La administración del programa tiene la lista y lo revisará. No tienes que hacer nada.")),
        ]);
    }

    public static AdaptiveCard ChangeRequested(string mentorName, Language l)
    {
        var title = l.Pick("Thanks: a programme admin will look for a new mentor", "Gracias: la administración buscará otro mentor");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(l.Pick($"Your pairing with {mentorName} continues until a new one is published. {mentorName} is not told that you asked.", $"Tu pareja con {mentorName} sigue hasta que se publique otra. No se le dice que lo pediste.")),
        ]);
    }

    public static AdaptiveCard NothingToChange(Language l)
    {
        var title = l.Pick("No lane mentor to change", "No tienes mentor de área que cambiar");
        return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick("You don't have a lane mentor in the map. Ask your programme admin if you'd like one.", "No tienes mentor de área en el mapa. Pide uno a la administración del programa."))]);
    }

    public static AdaptiveCard RematchForAdmin(string menteeName, string mentorName, string source, Language l)
    {
        var title = l.Pick($"Re-match: {menteeName} and {mentorName}", $"Nueva pareja: {menteeName} y {mentorName}");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(source == "asked"
                ? l.Pick("One of them asked for a change. Neither is told what the other said.", "Una de las dos personas pidió un cambio. Ninguna sabe lo que dijo la otra.")
                : l.Pick("The pairing calibrated low. Neither is told what the other answered.", "La pareja obtuvo una calibración baja. Ninguna sabe lo que respondió la otra.")),
            Blocks.Subtle(l.Pick("It joins the next run: type match suggest.", "Entra en la próxima propuesta: escribe match suggest.")),
        ]);
    }
}
