using MentorBot.Features.Conversations;
using MentorBot.Outbox;

namespace MentorBot.Features.Reflections;

internal static class ReflectionsRegistration
{
    public static IServiceCollection AddReflections(this IServiceCollection services)
    {
        services.AddSingleton<ReflectionTemplates>();
        services.AddHostedService<ReflectionTemplatesCheck>();
        services.AddSingleton<MentorNoteStore>();
        services.AddScoped<ReflectionService>();
        services.AddScoped<NoteReader>();
        services.AddScoped<IOutboxRenderer, NoteSharedRenderer>();
        services.AddTextCommand<TemplatesCommand>();
        services.AddTextCommand<NotesCommand>();
        services.AddCardAction<TemplateOpenAction>();
        services.AddCardAction<NoteSaveAction>();
        services.AddCardAction<NoteEditAction>();
        services.AddCardAction<NotesShowAction>();
        return services;
    }
}
