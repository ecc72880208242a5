using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Matching;

internal sealed class MatchSuggestCommand(MatchingService service, MapDirectory directory, MapStore map, CallerProfiles profiles) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("match suggest", "Programme admins: propose mentor pairings for everyone waiting, with the reasons; accept or reject each, then publish.", CommandAudience.Admin,
            SpanishDescription: "Administración del programa: propone parejas para quien espera mentor, con los motivos; acepta o rechaza y publica.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var l = (await profiles.ResolveAsync(turn.Caller, cancellationToken)).Language;
        var caller = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var units = arguments.Trim().ToLowerInvariant() switch
        {
            "same unit" or "same" => UnitPreference.SameUnit,
            "other unit" or "cross" or "cross units" => UnitPreference.OtherUnit,
            _ => UnitPreference.DontCare,
        };
        var run = await service.SuggestAsync(caller?.Id ?? turn.Caller.AadObjectId, units, cancellationToken);
        return MatchCard.Suggestions(await RunViews.ForAsync(run, map, l, cancellationToken));
    }
}

internal sealed class ChangeMyMentorCommand(MatchingService service, MapDirectory directory) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("change my mentor", "Ask your programme admin for a different lane mentor. Your mentor is not told.", CommandAudience.Everyone,
            SpanishDescription: "Pide a la administración otro mentor de área. Tu mentor no lo sabrá.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var l = Languages.From(turn.Caller.Locale);
        return await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken) is { } map
            ? await service.ChangeMyMentorAsync(map, l, cancellationToken)
            : NotInMapCard.Build(l);
    }
}

/// <summary>Publishes a run with the toggles as they are on the card. Only programme admins may.</summary>
internal sealed class MatchPublishAction(MatchingService service, MapDirectory directory) : ICardAction
{
    public string Verb => MatchVerbs.Publish;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var caller = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = Languages.From(caller?.Locale ?? turn.Caller.Locale);
        if (caller is not { IsAdmin: true })
        {
            return new CardActionOutcome.ShowMessage(l.Pick("Only programme admins can publish pairings.", "Solo la administración del programa puede publicar parejas."));
        }

        var rejected = turn.Data.Where(d => d.Key.StartsWith(MatchVerbs.Accept(string.Empty), StringComparison.Ordinal) && d.Value == "false")
            .Select(d => d.Key[MatchVerbs.Accept(string.Empty).Length..]).ToHashSet(StringComparer.Ordinal);
        var result = await service.PublishAsync(turn.Get(MatchVerbs.Run) ?? string.Empty, rejected, caller.Id, cancellationToken);
        return new CardActionOutcome.ReplaceCard(result is null ? MatchCard.AlreadyPublished(l) : MatchCard.Published(result, l));
    }
}

internal static class RunViews
{
    public static async Task<RunView> ForAsync(SavedRun run, MapStore map, Language l, CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        return new RunView(run, current.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal), current.Lanes.ToDictionary(x => x.Id, x => x.Name, StringComparer.Ordinal), l);
    }
}

internal sealed class MatchIntroRenderer(MatchingService service) : IOutboxRenderer
{
    public string Kind => MatchingService.IntroKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.IntroCardAsync(reference, personId, cancellationToken);
}

internal sealed class MatchUnmatchedRenderer(MatchingService service) : IOutboxRenderer
{
    public string Kind => MatchingService.UnmatchedKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.UnmatchedCardAsync(reference, personId, cancellationToken);
}

internal sealed class RematchRequestRenderer(MatchingService service) : IOutboxRenderer
{
    public string Kind => MatchingService.RematchKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.RematchCardAsync(reference, personId, cancellationToken);
}

internal static class MatchingRegistration
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MatchingStore>();
        services.AddScoped<MatchPool>();
        services.AddScoped<MatchingService>();
        services.AddTextCommand<MatchSuggestCommand>();
        services.AddTextCommand<ChangeMyMentorCommand>();
        services.AddCardAction<MatchPublishAction>();
        services.AddScoped<IOutboxRenderer, MatchIntroRenderer>();
        services.AddScoped<IOutboxRenderer, MatchUnmatchedRenderer>();
        services.AddScoped<IOutboxRenderer, RematchRequestRenderer>();
        return services;
    }
}
