using MentorBot.Cards;
using MentorBot.Features.Concerns;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the concern cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class ConcernCardSamples
{
    private static readonly ConcernChoice[] Choices =
    [
        new(ConcernFields.MentorChoice("megan-bowen"), ConcernTarget.Mentor, new("megan-bowen", "Megan Bowen", ConcernRole.Mentor), [new("samuel-okafor", "Samuel Okafor", ConcernRole.Designated)]),
        new(ConcernTarget.Designated, ConcernTarget.Designated, new("samuel-okafor", "Samuel Okafor", ConcernRole.Designated), [new("adele-vance", "Adele Vance", ConcernRole.Manager)]),
    ];

    private static readonly ConcernLine[] Thread =
    [
        new("Megan Bowen", "Mon, Nov 23 at 10:05 AM", "Thank you for telling me. Which shift was it?"),
        new("Alex Wilber", "Mon, Nov 23 at 10:20 AM", "The night shift on Saturday."),
    ];

    private static ConcernForm Form(Language l, bool anonymous = false) =>
        new("c-1", ConcernFields.FromCommand, Choices, "Medical Ward 3", anonymous, TimeSpan.FromDays(1), TimeSpan.FromDays(2), 2000, l);

    private static ConcernView View(Language l, string? sender = "Alex Wilber", string status = ConcernStatus.Open, IReadOnlyList<ConcernLine>? thread = null, IReadOnlyList<string>? backups = null) => new(
        "c-1", sender, "Megan Bowen", ConcernRole.Mentor, "Medical Ward 3",
        "The bed alarms on bay 4 were switched off twice during the night shift and nobody seemed to mind.",
        status, "Mon, Nov 23 at 9:00 AM",
        status == ConcernStatus.Open ? null : "Megan Bowen",
        status == ConcernStatus.Resolved ? "Megan Bowen" : null,
        status == ConcernStatus.Resolved ? "Tue, Nov 24 at 2:00 PM" : null,
        backups ?? [], thread ?? [], l);

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["ConcernCard.compose"] = ConcernCard.Compose(Form(Language.English)),
        ["ConcernCard.compose-anonymous-allowed"] = ConcernCard.Compose(Form(Language.English, anonymous: true)),
        ["ConcernCard.after-check-in"] = ConcernCard.Compose(Form(Language.English) with { Source = ConcernFields.FromCheckIn, CheckInSaved = true }),
        ["ConcernCard.problem"] = ConcernCard.Compose(Form(Language.English) with { Body = "Bed alarms", Problem = "Choose who should see it; everything you typed is still here." }),
        ["ConcernCard.spanish"] = ConcernCard.Compose(Form(Language.Spanish, anonymous: true)),
        ["ConcernCard.no-recipients"] = ConcernCard.NoRecipients(Language.English),
        ["ConcernHandlerCard.new"] = ConcernHandlerCard.Build(View(Language.English), "Megan Bowen", false, ConcernHeadline.New),
        ["ConcernHandlerCard.anonymous-replied"] = ConcernHandlerCard.Build(View(Language.English, sender: null, status: ConcernStatus.Acknowledged, thread: [Thread[0], Thread[1] with { Author = "The person who raised it" }]), "Megan Bowen", false, ConcernHeadline.Replied),
        ["ConcernHandlerCard.reminder"] = ConcernHandlerCard.Build(View(Language.English), "Megan Bowen", false, ConcernHeadline.Reminder),
        ["ConcernHandlerCard.forwarded"] = ConcernHandlerCard.Build(View(Language.English, backups: ["Samuel Okafor"]), "Samuel Okafor", true, ConcernHeadline.Forwarded),
        ["ConcernHandlerCard.resolved"] = ConcernHandlerCard.Build(View(Language.English, status: ConcernStatus.Resolved, thread: Thread), "Megan Bowen", false, ConcernHeadline.Current),
        ["ConcernHandlerCard.spanish"] = ConcernHandlerCard.Build(View(Language.Spanish, sender: null), "Megan Bowen", false, ConcernHeadline.New),
        ["ConcernSenderCard.sent"] = ConcernSenderCard.Build(View(Language.English), ConcernHeadline.New),
        ["ConcernSenderCard.replied"] = ConcernSenderCard.Build(View(Language.English, status: ConcernStatus.Acknowledged, thread: [Thread[0]]), ConcernHeadline.Replied),
        ["ConcernSenderCard.anonymous-forwarded"] = ConcernSenderCard.Build(View(Language.English, sender: null, backups: ["Samuel Okafor"]), ConcernHeadline.Forwarded),
        ["ConcernSenderCard.resolved"] = ConcernSenderCard.Build(View(Language.English, status: ConcernStatus.Resolved, thread: Thread), ConcernHeadline.Resolved),
        ["ConcernSenderCard.spanish"] = ConcernSenderCard.Build(View(Language.Spanish, status: ConcernStatus.Acknowledged), ConcernHeadline.Acknowledged),
        ["MyConcernsCard.both"] = MyConcernsCard.Build(
            [new("c-1", "To Megan Bowen, Mon, Nov 23 at 9:00 AM: The bed alarms on bay 4 were switched off…", "Acknowledged by Megan Bowen")],
            [new("c-2", "Sent without a name, Mon, Nov 23 at 11:00 AM: Short staffed again on nights…", "Waiting to be acknowledged")],
            Language.English),
        ["MyConcernsCard.empty"] = MyConcernsCard.Build([], [], Language.English),
    };
}
