using MentorBot.Cards;
using MentorBot.Features.Reflections;

namespace MentorBot.Tests.Cards;

/// <summary>Samples of the reflection cards, merged into <see cref="CardSamples.All"/>.</summary>
internal static class ReflectionCardSamples
{
    private static readonly ReflectionTemplates Templates = new();

    private static readonly ReflectionTemplate Debrief = Templates.Find("case-debrief")!;

    private static readonly NotePerson[] Mentees = [new("alex-wilber", "Alex Wilber"), new("tomas-rivera", "Tomás Rivera")];

    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["what-happened"] = "A patient's family asked for news Alex could not give yet.",
        ["what-went-well"] = "He stayed calm and fetched the charge nurse.",
    };

    private static NoteView View(bool shared) =>
        new("n-1", "Megan Bowen", "Alex Wilber", "Mon, Nov 23 at 9:00 AM", Debrief.Name, shared, [.. Debrief.Fields.Where(f => Answers.ContainsKey(f.Id)).Select(f => (f.Label, Answers[f.Id]))]);

    private static ReflectionForm Form(Language l, string? mentee = null, bool shared = false, string? problem = null) =>
        new("draft-1", Debrief, Mentees, mentee, mentee is null ? new Dictionary<string, string>() : Answers, shared, l, problem);

    public static IReadOnlyDictionary<string, AdaptiveCard> Build() => new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
    {
        ["TemplateListCard.all"] = TemplateListCard.Build(Templates.All, Language.English),
        ["TemplateListCard.spanish"] = TemplateListCard.Build(Templates.All, Language.Spanish),
        ["ReflectionTemplateCard.new"] = ReflectionTemplateCard.Build(Form(Language.English)),
        ["ReflectionTemplateCard.edit-shared"] = ReflectionTemplateCard.Build(Form(Language.English, "alex-wilber", shared: true)),
        ["ReflectionTemplateCard.too-long"] = ReflectionTemplateCard.Build(Form(Language.English, "alex-wilber", problem: "\"What happened, in the mentee's words?\" is over 1500 characters. Please shorten it; everything you typed is still here.")),
        ["ReflectionTemplateCard.spanish"] = ReflectionTemplateCard.Build(Form(Language.Spanish, "alex-wilber")),
        ["ReflectionTemplateCard.no-mentees"] = ReflectionTemplateCard.NoMentees(Language.English),
        ["ReflectionTemplateCard.no-mentees.spanish"] = ReflectionTemplateCard.NoMentees(Language.Spanish),
        ["MentorNoteCard.saved-private"] = MentorNoteCard.Saved(View(false), Language.English),
        ["MentorNoteCard.saved-shared"] = MentorNoteCard.Saved(View(true), Language.English),
        ["MentorNoteCard.shared-copy"] = MentorNoteCard.SharedCopy(View(true), Language.English),
        ["MentorNoteCard.shared-copy.spanish"] = MentorNoteCard.SharedCopy(View(true), Language.Spanish),
        ["MentorNotesCard.for-mentee"] = MentorNotesCard.ForMentee("Alex Wilber", [View(false), View(true) with { NoteId = "n-2" }], Language.English),
        ["MentorNotesCard.for-mentee-empty"] = MentorNotesCard.ForMentee("Alex Wilber", [], Language.English),
        ["MentorNotesCard.overview-mentor"] = MentorNotesCard.Overview(Mentees, [View(true)], Language.English),
        ["MentorNotesCard.overview-mentee-empty"] = MentorNotesCard.Overview([], [], Language.English),
        ["MentorNotesCard.overview.spanish"] = MentorNotesCard.Overview(Mentees, [View(true)], Language.Spanish),
    };
}
