using MentorBot.Cards;

namespace MentorBot.Features.Concerns;

/// <summary>
/// The concern card: what worries you, who should see it (one of your mentors, or your unit's designated person), and
/// in plain words who will see it, when it is reminded and who receives it if nobody acknowledges it. Nothing is sent
/// until the person presses Send.
/// </summary>
internal static class ConcernCard
{
    public static AdaptiveCard Compose(ConcernForm form)
    {
        var l = form.Language;
        var body = new List<CardElement>();
        if (form.CheckInSaved)
        {
            body.Add(new Container([new TextBlock(l.Pick("Your check-in is saved.", "Tu seguimiento está guardado.")) { Weight = FontWeight.Bolder }]) { Style = ContainerStyle.Good });
        }

        body.Add(Blocks.Heading(l.Pick("Raise a concern", "Plantear una preocupación")));
        body.Add(Blocks.Paragraph(l.Pick(
            "Something about safety, care or how you're coping that you want someone to know about? It goes only to the person you choose.",
            "¿Algo sobre seguridad, cuidados o cómo lo llevas que quieres que alguien sepa? Solo lo recibe la persona que elijas.")));
        if (form.Problem is { } problem)
        {
            body.Add(new Container([Blocks.Warning(problem)]) { Style = ContainerStyle.Warning });
        }

        body.Add(new InputText(ConcernFields.Body)
        {
            Label = l.Pick("What's the concern?", "¿Qué te preocupa?"),
            Value = form.Body,
            IsMultiline = true,
            MaxLength = form.MaxLength,
            IsRequired = true,
            ErrorMessage = l.Pick("Write what the concern is.", "Escribe qué te preocupa."),
            Spacing = Spacing.Medium,
        });
        body.Add(new InputChoiceSet(ConcernFields.To, [.. form.Choices.Select(c => new Choice($"{c.Recipient.Name}, {ConcernWords.Role(c.Recipient.Role, form.UnitName, l, c.Recipient.Kind)}", c.Value))])
        {
            Label = l.Pick("Who should see it?", "¿Quién debe verla?"),
            Style = ChoiceInputStyle.Expanded,
            Value = form.Selected ?? (form.Choices.Count == 1 ? form.Choices[0].Value : null),
            IsRequired = true,
            ErrorMessage = l.Pick("Choose who should see it.", "Elige quién debe verla."),
            Spacing = Spacing.Medium,
        });
        if (form.AllowAnonymous)
        {
            body.Add(new InputToggle(ConcernFields.Anonymous, l.Pick("Send it without my name", "Enviarla sin mi nombre")) { Value = form.Anonymous ? "true" : "false" });
        }

        body.Add(WhoSeesIt(form));
        return Blocks.Card(l.Pick("Raise a concern", "Plantear una preocupación"), body,
        [
            new ExecuteAction(l.Pick("Send", "Enviar"), ConcernVerbs.Send, new Dictionary<string, string>
            {
                [ConcernFields.Concern] = form.ConcernId,
                [ConcernFields.Source] = form.Source,
            }),
        ]);
    }

    /// <summary>For someone with no mentor and no designated person in their unit.</summary>
    public static AdaptiveCard NoRecipients(Language l) => Blocks.Card(
        l.Pick("Nobody to send a concern to yet", "Aún no hay a quién enviar una preocupación"),
        [
            Blocks.Heading(l.Pick("Nobody to send a concern to yet", "Aún no hay a quién enviar una preocupación")),
            Blocks.Paragraph(l.Pick(
                "The map gives you no mentor and your unit no designated person, so MentorBot has nobody to send a concern to. Please tell your manager or programme admin directly. In an emergency, use your unit's usual escalation.",
                "El mapa no te asigna mentor y tu unidad no tiene persona designada, así que MentorBot no tiene a quién enviarla. Díselo directamente a tu responsable o a la administración del programa. En una emergencia, usa la vía habitual de tu unidad.")),
        ]);

    private static string Backups(ConcernChoice choice, string? unitName, Language l) => choice.Backups.Count == 0
        ? l.Pick("nobody (no backup contact is set)", "nadie (no hay contacto de respaldo)")
        : ConcernWords.Names([.. choice.Backups.Select(b => $"{b.Name} ({ConcernWords.Role(b.Role, unitName, l, b.Kind)})")], l);

    private static Container WhoSeesIt(ConcernForm form)
    {
        var l = form.Language;
        var items = new List<CardElement> { new TextBlock(l.Pick("Who will see it", "Quién la verá")) { Weight = FontWeight.Bolder } };
        items.Add(Blocks.Subtle(l.Pick(
            $"Only the person you choose sees it. If they haven't acknowledged it within {ConcernWords.Span(form.ReminderAfter, l)}, they get a reminder; {ConcernWords.Span(form.BackupAfter, l)} later it also goes to a backup contact:",
            $"Solo la ve la persona que elijas. Si no la confirma en {ConcernWords.Span(form.ReminderAfter, l)}, recibe un recordatorio; {ConcernWords.Span(form.BackupAfter, l)} después también la recibe un contacto de respaldo:")));
        foreach (var group in form.Choices.GroupBy(c => Backups(c, form.UnitName, l), StringComparer.Ordinal))
        {
            items.Add(Blocks.Subtle($"• {ConcernWords.Names([.. group.Select(c => c.Recipient.Name)], l, or: true)} → {group.Key}"));
        }

        items.Add(Blocks.Subtle(form.AllowAnonymous
            ? l.Pick(
                "They see your name and your words, unless you send it without your name: then they can reply to you here without learning who you are.",
                "Ven tu nombre y tus palabras, salvo que la envíes sin tu nombre: entonces pueden responderte aquí sin saber quién eres.")
            : l.Pick("They see your name and your words.", "Ven tu nombre y tus palabras.")));
        items.Add(Blocks.Subtle(l.Pick(
            "Nothing is sent until you press Send. You'll see here when it is acknowledged, answered or resolved. Leaders' digests only count concerns; the audit log records each step without your words.",
            "No se envía nada hasta que pulses Enviar. Verás aquí cuándo se confirma, se responde o se resuelve. Los resúmenes para responsables solo cuentan preocupaciones; el registro de auditoría guarda cada paso sin tus palabras.")));
        items.Add(Blocks.Subtle(l.Pick(
            "In an emergency, don't wait for MentorBot: use your unit's usual escalation right away.",
            "En una emergencia, no esperes a MentorBot: usa enseguida la vía de escalado habitual de tu unidad.")));
        return new Container(items) { Spacing = Spacing.Medium, Separator = true };
    }
}
