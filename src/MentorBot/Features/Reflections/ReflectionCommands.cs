using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Reflections;

internal sealed class TemplatesCommand(MapDirectory directory, ReflectionTemplates templates) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("templates", "Reflection templates for notes about your mentees.", CommandAudience.Mentor,
            SpanishDescription: "Plantillas de reflexión para notas sobre las personas que acompañas.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is { } person
            ? TemplateListCard.Build(templates.All, Languages.From(person.Locale))
            : NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class NotesCommand(NoteReader reader) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("notes", "Your notes about a mentee, or notes your mentors shared with you.", CommandAudience.Everyone, "notes Alex",
            "Tus notas sobre alguien a quien acompañas, o las que tus mentores compartieron contigo.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await reader.ShowAsync(turn.Caller, arguments, cancellationToken) ?? NotInMapCard.Build(Languages.From(turn.Caller.Locale));
}

internal sealed class TemplateOpenAction(ReflectionService service) : ICardAction
{
    public string Verb => ReflectionVerbs.Open;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.OpenAsync(turn, cancellationToken);
}

internal sealed class NoteSaveAction(ReflectionService service) : ICardAction
{
    public string Verb => ReflectionVerbs.Save;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.SaveAsync(turn, cancellationToken);
}

internal sealed class NoteEditAction(ReflectionService service) : ICardAction
{
    public string Verb => ReflectionVerbs.Edit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.EditAsync(turn, cancellationToken);
}

internal sealed class NotesShowAction(NoteReader reader) : ICardAction
{
    public string Verb => ReflectionVerbs.ShowNotes;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await reader.ShowMenteeAsync(turn, cancellationToken);
}

internal sealed class NoteSharedRenderer(NoteReader reader) : IOutboxRenderer
{
    public string Kind => ReflectionService.SharedKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => reader.RenderSharedAsync(reference, personId, cancellationToken);
}
