using MentorBot.Cards;

namespace MentorBot.Features.Conversations;

/// <summary>Handles one typed command, such as <c>help</c> or <c>my map</c>.</summary>
internal interface ICommandHandler
{
    ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>A command handler that declares the phrase it answers to, so help can list it without building it.</summary>
internal interface ITextCommand : ICommandHandler
{
    static abstract CommandDescriptor Descriptor { get; }
}

/// <summary>Handles one card verb, such as <c>welcome.help</c>.</summary>
internal interface ICardAction
{
    string Verb { get; }

    ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken);
}

/// <summary>A command's descriptor and how to get its handler, registered once at start.</summary>
internal sealed record CommandRegistration(CommandDescriptor Descriptor, Func<IServiceProvider, ICommandHandler> Resolve);

internal static class CommandRegistrationExtensions
{
    public static IServiceCollection AddTextCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, ITextCommand
    {
        services.AddScoped<TCommand>();
        services.AddSingleton(new CommandRegistration(TCommand.Descriptor, sp => sp.GetRequiredService<TCommand>()));
        return services;
    }

    public static IServiceCollection AddCardAction<TAction>(this IServiceCollection services)
        where TAction : class, ICardAction
    {
        services.AddScoped<ICardAction, TAction>();
        return services;
    }
}
